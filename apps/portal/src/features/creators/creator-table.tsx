import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/status-badge';

type Creator = Schemas['CreatorPage']['items'][number];

/** A page of the registry: name, status, channels, followers, topics and languages. */
export function CreatorTable({ items, busy }: { items: Creator[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      rows={items}
      rowKey={(creator) => creator.id}
      busy={busy}
      caption={t('creators.table.caption')}
      columns={[
        {
          id: 'name',
          header: 'creators.table.name',
          rowHeader: true,
          cell: (creator) => <Link to={`/creators/${creator.id}`}>{creator.displayName}</Link>,
        },
        {
          id: 'status',
          header: 'creators.table.status',
          cell: (creator) => (
            <StatusBadge of={creator.status}>{t(`enums.creatorStatus.${creator.status}`)}</StatusBadge>
          ),
        },
        {
          id: 'channels',
          header: 'creators.table.channels',
          cell: (creator) =>
            creator.channels.map((c) => `${t(`enums.platform.${c.platform}`)} @${c.handle}`).join(', ') ||
            t('app.none'),
        },
        {
          id: 'followers',
          header: 'creators.table.followers',
          numeric: true,
          cell: (creator) => format.number(creator.totalFollowers),
        },
        {
          id: 'topics',
          header: 'creators.table.topics',
          cell: (creator) => creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none'),
        },
        {
          id: 'languages',
          header: 'creators.table.languages',
          cell: (creator) => format.languages(creator.languages) || t('app.none'),
        },
      ]}
    />
  );
}
