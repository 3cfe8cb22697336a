import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { CheckList } from './checks-panel';
import type { Submission } from './submission';
import { stageName } from './wording';
import { Section } from '../../components/section';

/** The decisions taken, stage by stage, with their reasons. */
export function Decisions({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (submission.decisions.length === 0) return null;
  return (
    <Section id="decisions-title" title="submission.decisions">
      <ul className="work-list">
        {submission.decisions.map((d, i) => (
          <li key={i}>
            <span className="work-title">
              {t(`review.decision.${d.decision}`)} · {t('submission.version', { n: d.version })} ·{' '}
              {stageName(t, format.agency, d.stage)}
            </span>
            <span className="work-meta">
              {d.by} · {format.agency(d.agencyId)} · {format.dateTime(d.at)}
            </span>
            {d.reason && <span>{d.reason}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The earlier versions, each with its text and checks, newest first. */
export function EarlierVersions({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="earlier-title" title="submission.earlier">
      {submission.versions
        .slice(0, -1)
        .reverse()
        .map((version) => (
          <details key={version.number}>
            <summary>
              {t('submission.version', { n: version.number })} · {format.dateTime(version.submittedAt)}
            </summary>
            {version.title && <h3>{version.title}</h3>}
            <div className="content-text">{version.text}</div>
            <CheckList version={version} platform={submission.platform} />
          </details>
        ))}
    </Section>
  );
}
