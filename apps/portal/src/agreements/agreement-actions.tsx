import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../api/client';
import { placeFieldErrors, type FieldProblem } from '../api/problem';
import { DateInput } from '../components/date-input';
import { Field } from '../components/field';
import { FieldErrors } from '../components/messages';
import { useApiClient } from '../session/session';
import { isoToLocal, localToIso } from '../pages/submit-content-page';
import {
  buildAmendment,
  changedTerms,
  draftFromTerms,
  inputIdOf,
  TERM_FIELD_PATHS,
  termPaths,
  toFormPaths,
  validateAmendment,
  validateUpdate,
  type DeliverableDraft,
  type Terms,
  type TermsDraft,
} from './agreement-form';
import { pendingAmendment, unsignedParties, type Agreement, type LifecycleAction, type Party } from './lifecycle';
import { TermsFields, useWordedErrors } from './terms-fields';
import { Disclosure, useWrite, WriteProblem, type WriteOutcome } from './write';

type Props = { agreement: Agreement } & WriteOutcome;

/** The lifecycle actions offered now, each a button opening its small form. */
export function AgreementActions({ agreement, actions, ...outcome }: Props & { actions: LifecycleAction[] }) {
  const { t } = useTranslation();
  const amendment = pendingAmendment(agreement);
  const lifecycle = actions.filter(
    (a) => !['add_milestone', 'pay_milestone', 'upload_document', 'edit', 'amend'].includes(a),
  );
  const nothingHere = lifecycle.length === 0 && !actions.includes('edit') && !actions.includes('amend');
  // Someone whose only work is further down (milestones, documents) is not told there is nothing to do.
  if (nothingHere && actions.length > 0) return null;
  return (
    <section className="section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('agreementsArea.actions.title')}</h2>
      {nothingHere && <p className="empty">{t('agreementsArea.actions.none')}</p>}
      <div className="agreement-actions">
        {lifecycle.includes('submit') && <SubmitAction agreement={agreement} {...outcome} />}
        {lifecycle.includes('legal_decision') && <LegalDecisionAction agreement={agreement} {...outcome} />}
        {lifecycle.includes('sign') && <SignAction agreement={agreement} {...outcome} />}
        {amendment && lifecycle.includes('amendment_decision') && (
          <LegalDecisionAction agreement={agreement} version={amendment.version} {...outcome} />
        )}
        {amendment && lifecycle.includes('amendment_sign') && (
          <SignAction agreement={agreement} version={amendment.version} {...outcome} />
        )}
        {lifecycle.includes('suspend') && <ReasonAction agreement={agreement} action="suspend" {...outcome} />}
        {lifecycle.includes('resume') && <ReasonAction agreement={agreement} action="resume" {...outcome} />}
        {lifecycle.includes('terminate') && <ReasonAction agreement={agreement} action="terminate" {...outcome} />}
      </div>
      {actions.includes('edit') && <TermsChangeForm agreement={agreement} mode="edit" {...outcome} />}
      {actions.includes('amend') && <TermsChangeForm agreement={agreement} mode="amend" {...outcome} />}
    </section>
  );
}

function SubmitAction({ agreement, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const api = useApiClient();
  const w = useWrite({ onStale });
  const [open, setOpen] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await w.send({ submit: agreement.id }, (key) =>
      settle(
        api.POST('/v1/agreements/{id}/submit-for-review', {
          params: { path: { id: agreement.id }, header: { 'Idempotency-Key': key } },
        }),
      ),
    );
    if (ok) onDone(t('agreementsArea.actions.submit.done'));
  }
  return (
    <Disclosure label={t('agreementsArea.actions.submit.open')} open={open} setOpen={setOpen}>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <p>{t('agreementsArea.actions.submit.confirm')}</p>
        <WriteProblem problem={w.problem} placedAll={false} />
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('agreementsArea.actions.submit.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

/** Legal review of the agreement, or of amendment `version`: approve or return, with comments. */
function LegalDecisionAction({ agreement, version, onDone, onStale }: Props & { version?: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'approve' | 'return' | ''>('');
  const [comments, setComments] = useState('');
  const [own, setOwn] = useState<FieldProblem[]>([]);
  const id = version ? `amendment-decision` : 'legal-decision';
  const errors = worded(own.length ? own : w.fieldErrors, w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldProblem[] = [];
    if (!decision) missing.push({ path: 'decision', code: 'required', message: '' });
    if (!comments.trim()) missing.push({ path: 'comments', code: 'required', message: '' });
    setOwn(missing);
    if (missing.length || !decision) return;
    const body = { decision, comments: comments.trim() };
    const path = { id: agreement.id };
    const ok = await w.send(body, (key) =>
      version
        ? settle(
            api.POST('/v1/agreements/{id}/amendments/{version}/legal-decision', {
              params: { path: { ...path, version }, header: { 'Idempotency-Key': key } },
              body,
            }),
          )
        : settle(
            api.POST('/v1/agreements/{id}/legal-decision', {
              params: { path, header: { 'Idempotency-Key': key } },
              body,
            }),
          ),
    );
    if (ok) onDone(t(`agreementsArea.actions.legal.done.${decision}`, { n: version ?? 1 }));
  }
  const label = version
    ? t('agreementsArea.actions.legal.openAmendment', { n: version })
    : t('agreementsArea.actions.legal.open');
  return (
    <Disclosure label={label} open={open} setOpen={setOpen}>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <h3>{label}</h3>
        <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
        <fieldset
          className="field"
          id={`${id}-choice`}
          aria-describedby={at('decision').length ? `${id}-choice-error` : undefined}
        >
          <legend className="legend-label">{t('agreementsArea.actions.legal.decision')}</legend>
          <FieldErrors id={`${id}-choice-error`} errors={at('decision')} />
          <div className="radios">
            {(['approve', 'return'] as const).map((d) => (
              <label key={d} className="choice">
                <input
                  type="radio"
                  name={`${id}-decision`}
                  value={d}
                  checked={decision === d}
                  onChange={() => setDecision(d)}
                />
                {t(`agreementsArea.actions.legal.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id={`${id}-comments`}
          label={t('agreementsArea.actions.legal.comments')}
          hint={t('agreementsArea.actions.legal.commentsHint')}
          errors={at('comments')}
        >
          {(props) => <textarea {...props} rows={3} value={comments} onChange={(e) => setComments(e.target.value)} />}
        </Field>
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('agreementsArea.actions.legal.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

/** Records one party's signature of the agreement, or of amendment `version`. */
function SignAction({ agreement, version, onDone, onStale }: Props & { version?: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const signatures = version
    ? (agreement.versions.find((v) => v.version === version)?.signatures ?? [])
    : agreement.signatures;
  const parties = unsignedParties(signatures);
  const [open, setOpen] = useState(false);
  const [chosenParty, setParty] = useState<Party>(parties[0] ?? 'agency');
  // Once one party has signed, the other is what remains.
  const party = parties.includes(chosenParty) ? chosenParty : (parties[0] ?? chosenParty);
  const [name, setName] = useState('');
  const [signedAt, setSignedAt] = useState(() => isoToLocal(new Date().toISOString()));
  const [method, setMethod] = useState<'in_person' | 'e_signature'>('in_person');
  const [reference, setReference] = useState('');
  const [own, setOwn] = useState<FieldProblem[]>([]);
  const id = version ? 'amendment-sign' : 'sign';
  const errors = worded(own.length ? own : w.fieldErrors, w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const when = localToIso(signedAt);
    const missing: FieldProblem[] = [];
    if (name.trim().length < 2) missing.push({ path: 'signatoryName', code: 'too_small', message: '' });
    if (!when) missing.push({ path: 'signedAt', code: 'required', message: '' });
    setOwn(missing);
    if (missing.length || !when) return;
    const body = {
      party,
      signatoryName: name.trim(),
      signedAt: when,
      method,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    };
    const path = { id: agreement.id };
    const ok = await w.send(body, (key) =>
      version
        ? settle(
            api.POST('/v1/agreements/{id}/amendments/{version}/signatures', {
              params: { path: { ...path, version }, header: { 'Idempotency-Key': key } },
              body,
            }),
          )
        : settle(
            api.POST('/v1/agreements/{id}/signatures', { params: { path, header: { 'Idempotency-Key': key } }, body }),
          ),
    );
    if (ok) {
      setName('');
      setReference('');
      onDone(t('agreementsArea.actions.sign.done', { party: t(`agreementsArea.partyName.${party}`) }));
    }
  }
  const label = version
    ? t('agreementsArea.actions.sign.openAmendment', { n: version })
    : t('agreementsArea.actions.sign.open');
  return (
    <Disclosure label={label} open={open} setOpen={setOpen}>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <h3>{label}</h3>
        <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
        <Field id={`${id}-party`} label={t('agreementsArea.actions.sign.party')} errors={at('party')}>
          {(props) => (
            <select {...props} value={party} onChange={(e) => setParty(e.target.value as Party)}>
              {parties.map((p) => (
                <option key={p} value={p}>
                  {t(`agreementsArea.party.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-name`} label={t('agreementsArea.actions.sign.name')} errors={at('signatoryName')}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${id}-at`} label={t('agreementsArea.actions.sign.at')} errors={at('signedAt')}>
          {(props) => (
            <DateInput
              {...props}
              kind="datetime-local"
              value={signedAt}
              onChange={(e) => setSignedAt(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-method`} label={t('agreementsArea.actions.sign.method')} errors={at('method')}>
          {(props) => (
            <select {...props} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
              {(['in_person', 'e_signature'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`agreementsArea.method.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-reference`}
          label={t('agreementsArea.actions.sign.reference')}
          optional={t('agreementsArea.form.optional')}
          errors={at('reference')}
        >
          {(props) => (
            <input {...props} value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('agreementsArea.actions.sign.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

/** Suspend, resume or terminate, each with a reason. */
function ReasonAction({ agreement, action, onDone, onStale }: Props & { action: 'suspend' | 'resume' | 'terminate' }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = worded(
    missing ? [{ path: 'reason', code: 'reason_required', message: '' }] : w.fieldErrors,
    w.problem,
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    const body = { reason: reason.trim() };
    const params = (key: string) => ({ path: { id: agreement.id }, header: { 'Idempotency-Key': key } });
    const ok = await w.send({ action, ...body }, (key) =>
      action === 'suspend'
        ? settle(api.POST('/v1/agreements/{id}/suspend', { params: params(key), body }))
        : action === 'resume'
          ? settle(api.POST('/v1/agreements/{id}/resume', { params: params(key), body }))
          : settle(api.POST('/v1/agreements/{id}/terminate', { params: params(key), body })),
    );
    if (ok) onDone(t(`agreementsArea.actions.${action}.done`));
  }
  return (
    <Disclosure label={t(`agreementsArea.actions.${action}.open`)} open={open} setOpen={setOpen}>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <h3>{t(`agreementsArea.actions.${action}.title`)}</h3>
        <WriteProblem problem={w.problem} placedAll={errors.length > 0} />
        <Field
          id={`${action}-reason`}
          label={t('agreementsArea.actions.reason')}
          errors={errors.filter((e) => e.path === 'reason')}
        >
          {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" className={action === 'terminate' ? 'button-danger' : 'button-primary'} disabled={w.busy}>
          {t(`agreementsArea.actions.${action}.submit`)}
        </button>
      </form>
    </Disclosure>
  );
}

/**
 * Changes the terms: a draft is edited in place (PATCH, at the version read:
 * If-Match), a signed agreement gets an amendment proposed (a new version with
 * a reason). Only the terms that differ are sent.
 */
function TermsChangeForm({ agreement, mode, onDone, onStale }: Props & { mode: 'edit' | 'amend' }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const w = useWrite({ onStale });
  const current: Terms = agreement;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<TermsDraft>(() => draftFromTerms(current));
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<FieldProblem[]>([]);
  const [rows, setRows] = useState<number[]>([]);
  const form = mode === 'edit' ? 'edit-draft' : 'amend';
  const errors = worded(own.length ? own : toFormPaths(w.problem?.errors ?? [], rows), w.problem);
  const placed = placeFieldErrors(errors, ['reason', 'changes', ...termPaths(draft)]);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  function edit(path: string, change: (d: TermsDraft) => TermsDraft) {
    setDraft(change);
    setOwn((list) => list.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`) && e.path !== 'changes'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'edit') {
      const { changes, deliverableRows } = changedTerms(draft, current);
      const found = toFormPaths(validateUpdate(changes), deliverableRows);
      setOwn(found);
      setRows(deliverableRows);
      if (found.length) return;
      const ok = await w.send({ changes, version: agreement.version }, (key) =>
        settle(
          api.PATCH('/v1/agreements/{id}', {
            params: {
              path: { id: agreement.id },
              header: { 'Idempotency-Key': key, 'If-Match': `"v${agreement.version}"` },
            },
            body: changes,
          }),
        ),
      );
      if (ok) {
        setOpen(false);
        onDone(t('agreementsArea.actions.edit.done'));
      }
      return;
    }
    const { body, deliverableRows } = buildAmendment(draft, current, reason);
    const found = toFormPaths(validateAmendment(body), deliverableRows);
    setOwn(found);
    setRows(deliverableRows);
    if (found.length) return;
    const ok = await w.send(body, (key) =>
      settle(
        api.POST('/v1/agreements/{id}/amendments', {
          params: { path: { id: agreement.id }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    );
    if (ok) {
      setOpen(false);
      setReason('');
      onDone(t('agreementsArea.actions.amend.done'));
    }
  }

  return (
    <div className="terms-change">
      <Disclosure
        label={t(`agreementsArea.actions.${mode}.open`)}
        open={open}
        setOpen={(next) => {
          if (next) setDraft(draftFromTerms(current));
          setOpen(next);
        }}
      >
        <form onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy} aria-labelledby={`${form}-heading`}>
          <h3 id={`${form}-heading`}>{t(`agreementsArea.actions.${mode}.title`)}</h3>
          <p className="hint">{t(`agreementsArea.actions.${mode}.intro`)}</p>
          <WriteProblem problem={w.problem} placedAll={placed.unplaced.length === 0 && errors.length > 0} />
          {placed.unplaced.length > 0 && (
            <div className="alert alert-error" role="alert">
              <p>{placed.unplaced.map((e) => e.message).join(' ')}</p>
            </div>
          )}
          <FieldErrors id={`${form}-changes-error`} errors={errorsAt('changes')} />
          <TermsFields
            form={form}
            draft={draft}
            errorsAt={errorsAt}
            onField={(field, value) => edit(TERM_FIELD_PATHS[field], (d) => ({ ...d, [field]: value }))}
            onDeliverables={(path, change: (rows: DeliverableDraft[]) => DeliverableDraft[]) =>
              edit(path, (d) => ({ ...d, deliverables: change(d.deliverables) }))
            }
          />
          {mode === 'amend' && (
            <Field
              id={inputIdOf(form, 'reason')}
              label={t('agreementsArea.actions.amend.reason')}
              hint={t('agreementsArea.actions.amend.reasonHint')}
              errors={errorsAt('reason')}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setOwn((list) => list.filter((x) => x.path !== 'reason'));
                  }}
                />
              )}
            </Field>
          )}
          <button type="submit" className="button-primary" disabled={w.busy}>
            {t(`agreementsArea.actions.${mode}.submit`)}
          </button>
        </form>
      </Disclosure>
    </div>
  );
}
