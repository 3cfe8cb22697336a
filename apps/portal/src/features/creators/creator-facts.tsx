import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type Creator = Schemas['Creator'];

/** The creator's status, kind, topics, languages, regions, consent, and the possible duplicates. */
export function CreatorFacts({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('creator.facts.status')}</dt>
          <dd>
            <span className={`badge badge-${creator.status}`}>{t(`enums.creatorStatus.${creator.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('creator.facts.kind')}</dt>
          <dd>{t(`creator.kind.${creator.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.topics')}</dt>
          <dd>{creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.languages')}</dt>
          <dd>{format.languages(creator.languages) || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.regions')}</dt>
          <dd>{creator.regions.join(', ') || t('app.none')}</dd>
        </div>
        <div>
          <dt>{t('creator.facts.registered')}</dt>
          <dd>{format.date(creator.createdAt)}</dd>
        </div>
        {creator.consent !== undefined && (
          <div>
            <dt>{t('creator.facts.consent')}</dt>
            <dd>
              {creator.consent
                ? t('creator.facts.consentGiven', {
                    date: format.date(creator.consent.givenAt),
                    scope: creator.consent.scope,
                  })
                : t('creator.facts.consentNone')}
            </dd>
          </div>
        )}
      </dl>

      {creator.possibleDuplicates && creator.possibleDuplicates.length > 0 && (
        <section className="section" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">{t('creator.duplicates.title')}</h2>
          <ul>
            {creator.possibleDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/creators/${d.id}`}>{d.displayName}</Link> ({format.percent(d.similarity)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
