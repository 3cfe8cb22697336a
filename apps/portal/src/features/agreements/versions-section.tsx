import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import {
  termText,
  versionDiff,
  type Agreement,
  type AgreementVersion,
  type FieldDiff,
  type TermWriter,
} from './lifecycle';
import { Section } from '../../components/section';
import { StatusBadge } from '../../components/status-badge';

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
    <Section id="versions-title" title="agreementsArea.versions.title">
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
                  <StatusBadge of={`version-${version.status}`}>
                    {t(`agreementsArea.versionStatus.${version.status}`)}
                  </StatusBadge>
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
    </Section>
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
