import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';

type Creator = Schemas['Creator'];

/** The status history, with the legal officer's overrides marked. */
export function CreatorHistory({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = (s: Creator['status']) => t(`enums.creatorStatus.${s}`);
  return (
    <Section id="history-title" title="creator.history.title">
      <DataTable
        rows={creator.statusHistory}
        rowKey={(entry) => `${entry.at}-${entry.to}`}
        columns={[
          {
            id: 'change',
            header: 'creator.history.change',
            cell: (entry) => (
              <>
                {entry.from
                  ? t('creator.history.moved', { from: status(entry.from), to: status(entry.to) })
                  : t('creator.history.initial', { to: status(entry.to) })}
                {entry.override && <strong className="tag tag-danger">{t('creator.history.override')}</strong>}
              </>
            ),
          },
          { id: 'reason', header: 'creator.history.reason', cell: (entry) => entry.reason },
          { id: 'at', header: 'creator.history.at', cell: (entry) => format.dateTime(entry.at) },
          { id: 'by', header: 'creator.history.by', className: 'mono', cell: (entry) => entry.by },
        ]}
      />
    </Section>
  );
}
