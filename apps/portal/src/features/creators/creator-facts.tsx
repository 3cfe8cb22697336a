import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/status-badge';

type Creator = Schemas['Creator'];

/** The creator's status, kind, topics, languages, regions, consent, and the possible duplicates. */
export function CreatorFacts({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Facts
        facts={[
          {
            label: 'creator.facts.status',
            value: <StatusBadge of={creator.status}>{t(`enums.creatorStatus.${creator.status}`)}</StatusBadge>,
          },
          { label: 'creator.facts.kind', value: t(`creator.kind.${creator.kind}`) },
          {
            label: 'creator.facts.topics',
            value: creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none'),
          },
          { label: 'creator.facts.languages', value: format.languages(creator.languages) || t('app.none') },
          { label: 'creator.facts.regions', value: creator.regions.join(', ') || t('app.none') },
          { label: 'creator.facts.registered', value: format.date(creator.createdAt) },
          creator.consent !== undefined && {
            label: 'creator.facts.consent',
            value: creator.consent
              ? t('creator.facts.consentGiven', {
                  date: format.date(creator.consent.givenAt),
                  scope: creator.consent.scope,
                })
              : t('creator.facts.consentNone'),
          },
        ]}
      />

      {creator.possibleDuplicates && creator.possibleDuplicates.length > 0 && (
        <Section id="duplicates-title" title="creator.duplicates.title">
          <ul>
            {creator.possibleDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/creators/${d.id}`}>{d.displayName}</Link> ({format.percent(d.similarity)})
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
