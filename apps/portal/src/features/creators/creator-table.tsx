import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type Creator = Schemas['CreatorPage']['items'][number];

/** A page of the registry: name, status, channels, followers, topics and languages. */
export function CreatorTable({ items, busy }: { items: Creator[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">{t('creators.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('creators.table.name')}</th>
            <th scope="col">{t('creators.table.status')}</th>
            <th scope="col">{t('creators.table.channels')}</th>
            <th scope="col" className="numeric">
              {t('creators.table.followers')}
            </th>
            <th scope="col">{t('creators.table.topics')}</th>
            <th scope="col">{t('creators.table.languages')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((creator) => (
            <tr key={creator.id}>
              <th scope="row">
                <Link to={`/creators/${creator.id}`}>{creator.displayName}</Link>
              </th>
              <td>
                <span className={`badge badge-${creator.status}`}>{t(`enums.creatorStatus.${creator.status}`)}</span>
              </td>
              <td>
                {creator.channels.map((c) => `${t(`enums.platform.${c.platform}`)} @${c.handle}`).join(', ') ||
                  t('app.none')}
              </td>
              <td className="numeric">{format.number(creator.totalFollowers)}</td>
              <td>{creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none')}</td>
              <td>{format.languages(creator.languages) || t('app.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
