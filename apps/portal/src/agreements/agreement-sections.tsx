import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../api/client';
import type { FieldProblem } from '../api/problem';
import { DateInput } from '../components/date-input';
import { Field } from '../components/field';
import { ProblemAlert } from '../components/messages';
import { useFormat } from '../lib/format';
import { useApiClient } from '../session/session';
import { isoToLocal, localToIso } from '../pages/submit-content-page';
import { parseWhole } from './agreement-form';
import { checkDocument, DOCUMENT_ACCEPT, documentTypeOf, sizeText } from './documents';
import {
  milestoneTotals,
  termText,
  versionDiff,
  type Agreement,
  type AgreementVersion,
  type FieldDiff,
  type LifecycleAction,
  type TermWriter,
} from './lifecycle';
import { useWordedErrors } from './terms-fields';
import { useWrite, WriteProblem, type WriteOutcome } from './write';

type Props = { agreement: Agreement } & WriteOutcome;

/** Terms written for reading, in the reader's language. */
export function useTermWriter(): TermWriter {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      date: format.date,
      money: format.money,
      platform: (p: string) => t(`enums.platform.${p}` as 'enums.platform.tiktok'),
      months: (n: number) => t('agreementsArea.usageMonthsValue', { count: n }),
      none: t('app.none'),
    }),
    [format, t],
  );
}

/** The versions: the original terms and each amendment, with what it changed against the version before it. */
export function VersionsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const write = useTermWriter();
  const versions = agreement.versions;
  return (
    <section className="section" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('agreementsArea.versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="empty">{t('agreementsArea.versions.none')}</p>
      ) : (
        <>
          <p className="hint">{t('agreementsArea.versions.legend')}</p>
          <ol className="version-list">
            {[...versions].reverse().map((version) => (
              <li key={version.version}>
                <h3>
                  {version.version === 1
                    ? t('agreementsArea.versions.original')
                    : t('agreementsArea.versions.amendment', { n: version.version })}{' '}
                  <span className={`badge badge-version-${version.status}`}>
                    {t(`agreementsArea.versionStatus.${version.status}`)}
                  </span>
                </h3>
                <p className="work-meta">
                  {t('agreementsArea.versions.by', { by: version.createdBy, date: format.dateTime(version.createdAt) })}
                  {version.reason && <> · {t('agreementsArea.versions.reason', { reason: version.reason })}</>}
                </p>
                {version.version > 1 && (
                  <VersionDiff diffs={versionDiff(versions, version.version, write)} n={version.version} />
                )}
                <Reviews reviews={version.legalReviews} />
                <Signatures signatures={version.signatures} />
                {version.version === 1 && <TermsList version={version} write={write} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function VersionDiff({ diffs, n }: { diffs: FieldDiff[]; n: number }) {
  const { t } = useTranslation();
  if (diffs.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table diff-table">
        <caption>{t('agreementsArea.versions.diffCaption', { n, previous: n - 1 })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreementsArea.versions.term')}</th>
            <th scope="col">{t('agreementsArea.versions.before', { n: n - 1 })}</th>
            <th scope="col">{t('agreementsArea.versions.after', { n })}</th>
          </tr>
        </thead>
        <tbody>
          {diffs.map((d) => (
            <tr key={d.field}>
              <th scope="row">
                {t(`agreementsArea.term.${d.field}` as 'agreementsArea.term.title', { defaultValue: d.field })}
              </th>
              <td className="diff">
                {d.parts.map((part, i) =>
                  part.op === 'insert' ? null : part.op === 'delete' ? (
                    <del key={i}>{part.text}</del>
                  ) : (
                    <span key={i}>{part.text}</span>
                  ),
                )}
              </td>
              <td className="diff">
                {d.parts.map((part, i) =>
                  part.op === 'delete' ? null : part.op === 'insert' ? (
                    <ins key={i}>{part.text}</ins>
                  ) : (
                    <span key={i}>{part.text}</span>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TermsList({ version, write }: { version: AgreementVersion; write: TermWriter }) {
  const { t } = useTranslation();
  const terms = version.terms as unknown as Record<string, unknown>;
  return (
    <details>
      <summary>{t('agreementsArea.versions.terms')}</summary>
      <dl className="facts facts-compact">
        {(['title', 'scope', 'term', 'budget', 'deliverables', 'disclosureLabel', 'usageRights'] as const).map(
          (field) => (
            <div key={field}>
              <dt>{t(`agreementsArea.term.${field}`)}</dt>
              <dd>{termText(field, terms[field], write)}</dd>
            </div>
          ),
        )}
      </dl>
    </details>
  );
}

export function Reviews({ reviews }: { reviews: Agreement['legalReviews'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (reviews.length === 0) return null;
  return (
    <ul className="work-list">
      {reviews.map((r, i) => (
        <li key={i}>
          <span className="work-title">{t(`agreementsArea.review.${r.decision}`)}</span>
          <span className="work-meta">
            {r.by} · {format.dateTime(r.at)}
          </span>
          <span>{r.comments}</span>
          {r.counterpartyVettedByOverride && (
            <strong className="tag tag-danger">
              {t('agreementsArea.review.vettedByOverride', {
                by: r.counterpartyVettedByOverride.by,
                date: format.dateTime(r.counterpartyVettedByOverride.at),
                reason: r.counterpartyVettedByOverride.reason,
              })}
            </strong>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Signatures({ signatures }: { signatures: Agreement['signatures'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (signatures.length === 0) return null;
  return (
    <ul className="work-list">
      {signatures.map((s) => (
        <li key={s.party}>
          <span className="work-title">
            {t('agreementsArea.signature.line', { party: t(`agreementsArea.party.${s.party}`), name: s.signatoryName })}
          </span>
          <span className="work-meta">
            {format.dateTime(s.signedAt)} · {t(`agreementsArea.method.${s.method}`)}
            {s.reference && <> · {s.reference}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Payment milestones and what is planned and paid of the budget; finance officers add milestones and record payments. */
export function MilestonesSection({ agreement, actions, ...outcome }: Props & { actions: LifecycleAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = milestoneTotals(agreement);
  return (
    <section className="section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('agreementsArea.milestones.title')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('agreementsArea.milestones.budget')}</dt>
          <dd>{format.money(agreement.budget)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.planned')}</dt>
          <dd>{format.money(totals.planned)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.paid')}</dt>
          <dd>{format.money(totals.paid)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.unplanned')}</dt>
          <dd>{format.money(totals.unplanned)}</dd>
        </div>
      </dl>
      <div className="meter" aria-hidden="true">
        <span
          style={{
            width: `${agreement.budget > 0 ? Math.min(100, Math.round((totals.paid / agreement.budget) * 100)) : 0}%`,
          }}
        />
      </div>
      {agreement.milestones.length === 0 ? (
        <p className="empty">{t('agreementsArea.milestones.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('agreementsArea.milestones.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementsArea.milestones.label')}</th>
                <th scope="col">{t('agreementsArea.milestones.dueDate')}</th>
                <th scope="col" className="numeric">
                  {t('agreementsArea.milestones.amount')}
                </th>
                <th scope="col">{t('agreementsArea.milestones.status')}</th>
                <th scope="col">{t('agreementsArea.milestones.payment')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.label}</th>
                  <td>{format.date(m.dueDate)}</td>
                  <td className="numeric">{format.money(m.amount)}</td>
                  <td>
                    <span className={`badge badge-milestone-${m.status}`}>
                      {t(`agreementsArea.milestoneStatus.${m.status}`)}
                    </span>
                  </td>
                  <td>
                    {m.status === 'paid' && m.paidAt
                      ? t('agreementsArea.milestones.paidLine', {
                          date: format.dateTime(m.paidAt),
                          by: m.paidBy ?? '',
                          reference: m.paymentReference ?? '',
                        })
                      : t('app.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="review-grid">
        {actions.includes('add_milestone') && <AddMilestoneForm agreement={agreement} {...outcome} />}
        {actions.includes('pay_milestone') && <PaymentForm agreement={agreement} {...outcome} />}
      </div>
    </section>
  );
}

function AddMilestoneForm({ agreement, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const [values, setValues] = useState({ label: '', dueDate: '', amount: '' });
  const [own, setOwn] = useState<FieldProblem[]>([]);
  const errors = worded(own.length ? own : w.fieldErrors, w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseWhole(values.amount);
    const missing: FieldProblem[] = [];
    if (!values.label.trim()) missing.push({ path: 'label', code: 'required', message: '' });
    if (!values.dueDate) missing.push({ path: 'dueDate', code: 'required', message: '' });
    if (amount === undefined || Number.isNaN(amount) || amount < 1)
      missing.push({ path: 'amount', code: 'invalid_type', message: '' });
    setOwn(missing);
    if (missing.length) return;
    const body = { label: values.label.trim(), dueDate: values.dueDate, amount: amount! };
    const ok = await w.send(body, (key) =>
      settle(
        api.POST('/v1/agreements/{id}/milestones', {
          params: { path: { id: agreement.id }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    );
    if (ok) {
      setValues({ label: '', dueDate: '', amount: '' });
      onDone(t('agreementsArea.milestones.added', { label: body.label }));
    }
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={w.busy}
      aria-labelledby="add-milestone-title"
    >
      <h3 id="add-milestone-title">{t('agreementsArea.milestones.addTitle')}</h3>
      <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
      <Field id="milestone-label" label={t('agreementsArea.milestones.label')} errors={at('label')}>
        {(props) => (
          <input
            {...props}
            value={values.label}
            onChange={(e) => setValues({ ...values, label: e.target.value })}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="field-row">
        <Field id="milestone-due" label={t('agreementsArea.milestones.dueDate')} errors={at('dueDate')}>
          {(props) => (
            <DateInput
              {...props}
              value={values.dueDate}
              onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
            />
          )}
        </Field>
        <Field id="milestone-amount" label={t('agreementsArea.milestones.amountLabel')} errors={at('amount')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={values.amount}
              onChange={(e) => setValues({ ...values, amount: e.target.value })}
              autoComplete="off"
              size={16}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="button-secondary" disabled={w.busy}>
        {t('agreementsArea.milestones.add')}
      </button>
    </form>
  );
}

function PaymentForm({ agreement, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const unpaid = agreement.milestones.filter((m) => m.status !== 'paid');
  const [milestoneId, setMilestoneId] = useState(unpaid[0]?.id ?? '');
  const [reference, setReference] = useState('');
  const [paidAt, setPaidAt] = useState(() => isoToLocal(new Date().toISOString()));
  const [own, setOwn] = useState<FieldProblem[]>([]);
  const errors = worded(own.length ? own : w.fieldErrors, w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  const chosen = unpaid.find((m) => m.id === milestoneId) ?? unpaid[0];
  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldProblem[] = [];
    if (!reference.trim()) missing.push({ path: 'paymentReference', code: 'required', message: '' });
    setOwn(missing);
    if (missing.length || !chosen) return;
    const when = localToIso(paidAt);
    const body = { paymentReference: reference.trim(), ...(when ? { paidAt: when } : {}) };
    const ok = await w.send({ milestone: chosen.id, ...body }, (key) =>
      settle(
        api.POST('/v1/agreements/{id}/milestones/{milestoneId}/payment', {
          params: { path: { id: agreement.id, milestoneId: chosen.id }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    );
    if (ok) {
      setReference('');
      onDone(t('agreementsArea.milestones.paidDone', { label: chosen.label }));
    }
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={w.busy}
      aria-labelledby="pay-milestone-title"
    >
      <h3 id="pay-milestone-title">{t('agreementsArea.milestones.payTitle')}</h3>
      <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
      <Field id="payment-milestone" label={t('agreementsArea.milestones.which')}>
        {(props) => (
          <select {...props} value={chosen?.id ?? ''} onChange={(e) => setMilestoneId(e.target.value)}>
            {unpaid.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} · {format.money(m.amount)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field id="payment-reference" label={t('agreementsArea.milestones.reference')} errors={at('paymentReference')}>
          {(props) => (
            <input {...props} value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <Field id="payment-at" label={t('agreementsArea.milestones.paidAt')} errors={at('paidAt')}>
          {(props) => (
            <DateInput {...props} kind="datetime-local" value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
          )}
        </Field>
      </div>
      <button type="submit" className="button-secondary" disabled={w.busy}>
        {t('agreementsArea.milestones.pay')}
      </button>
    </form>
  );
}

/** The agreement's documents: download each (the API wants the token, so the file is fetched, then saved); upload one. */
export function DocumentsSection({ agreement, canUpload, ...outcome }: Props & { canUpload: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const [downloadProblem, setDownloadProblem] = useState<Parameters<typeof ProblemAlert>[0]['problem'] | undefined>();
  async function download(doc: Agreement['documents'][number]) {
    setDownloadProblem(undefined);
    const result = await settle(
      api.GET('/v1/agreements/{id}/documents/{documentId}', {
        params: { path: { id: agreement.id, documentId: doc.id } },
        parseAs: 'blob',
      }) as Promise<{
        data?: Blob;
        error?: unknown;
        response: Response;
      }>,
    );
    if (!result.ok) return setDownloadProblem(result.problem);
    const url = URL.createObjectURL(result.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = doc.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <section className="section" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('agreementsArea.documents.title')}</h2>
      {downloadProblem && <ProblemAlert problem={downloadProblem} />}
      {agreement.documents.length === 0 ? (
        <p className="empty">{t('agreementsArea.documents.empty')}</p>
      ) : (
        <ul className="work-list">
          {agreement.documents.map((doc) => (
            <li key={doc.id}>
              <span className="work-title">
                <button
                  type="button"
                  className="button-link-plain"
                  onClick={() => void download(doc)}
                  aria-label={t('agreementsArea.documents.download', { name: doc.name })}
                >
                  {doc.name}
                </button>
              </span>
              <span className="work-meta">
                {sizeText(doc.size, format.number)} · {doc.uploadedBy} · {format.dateTime(doc.uploadedAt)} ·{' '}
                <span className="mono">{t('agreementsArea.documents.sha', { sha: doc.sha256.slice(0, 12) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && <UploadForm agreement={agreement} {...outcome} />}
    </section>
  );
}

function UploadForm({ agreement, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [own, setOwn] = useState<FieldProblem[]>([]);
  // The API's refusals of a file (too large, not an accepted type) belong next to the file input.
  const apiFileError: FieldProblem[] =
    w.problem && ['document.too_large', 'document.unsupported_type'].includes(w.problem.code)
      ? [{ path: 'file', code: w.problem.code.replace('document.', ''), message: w.problem.detail }]
      : [];
  const errors = worded(
    own.length ? own : apiFileError.length ? apiFileError : w.fieldErrors.map((e) => ({ ...e, path: 'file' })),
    w.problem,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkDocument(file);
    setOwn(found);
    if (found.length || !file) return;
    const type = documentTypeOf(file)!;
    const ok = await w.send({ name: file.name, size: file.size, modified: file.lastModified, type }, (key) =>
      settle(
        api.POST('/v1/agreements/{id}/documents', {
          params: { path: { id: agreement.id }, query: { name: file.name }, header: { 'Idempotency-Key': key } },
          body: file as unknown as string,
          headers: { 'Content-Type': type },
          bodySerializer: (body: unknown) => body as BodyInit,
        }),
      ),
    );
    if (ok) {
      setFile(undefined);
      if (input.current) input.current.value = '';
      onDone(t('agreementsArea.documents.uploaded', { name: file.name }));
    }
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={w.busy}
      aria-labelledby="upload-title"
    >
      <h3 id="upload-title">{t('agreementsArea.documents.uploadTitle')}</h3>
      <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
      <Field
        id="document-file"
        label={t('agreementsArea.documents.file')}
        hint={t('agreementsArea.documents.fileHint')}
        errors={errors}
      >
        {(props) => (
          <input
            {...props}
            ref={input}
            type="file"
            accept={DOCUMENT_ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setOwn([]);
              w.setProblem(undefined);
            }}
          />
        )}
      </Field>
      <button type="submit" className="button-secondary" disabled={w.busy}>
        {w.busy ? t('agreementsArea.documents.uploading') : t('agreementsArea.documents.upload')}
      </button>
    </form>
  );
}

/** The status history, newest first. */
export function HistorySection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t('agreementsArea.history.title')}</h2>
      <ul className="work-list">
        {[...agreement.statusHistory].reverse().map((h, i) => (
          <li key={i}>
            <span className="work-title">
              {h.from
                ? t('agreementsArea.history.move', {
                    from: t(`enums.agreementStatus.${h.from}`),
                    to: t(`enums.agreementStatus.${h.to}`),
                  })
                : t(`enums.agreementStatus.${h.to}`)}
            </span>
            <span className="work-meta">
              {h.by} · {format.dateTime(h.at)}
            </span>
            {h.reason && <span>{h.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
