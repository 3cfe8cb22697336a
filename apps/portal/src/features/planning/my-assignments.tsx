import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { LoadState } from '../../components/messages';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { AssignmentCard } from './assignment-card';
import { BOARD_COLUMNS } from './board';
import { Section } from '../../components/section';

/** The creator's own assignments: what each brief asks, and the next step (answer, submit, follow the review). */
export function MyAssignments() {
  const { t } = useTranslation();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/assignments', { params: { query: { mine: true, limit: 100 } }, signal })),
    [api],
  );
  const [notice, setNotice] = useState('');
  const items = useMemo(
    () =>
      [...(loaded.data?.items ?? [])].sort(
        (a, b) =>
          BOARD_COLUMNS.indexOf(a.status) - BOARD_COLUMNS.indexOf(b.status) ||
          a.brief.dueAt.localeCompare(b.brief.dueAt),
      ),
    [loaded.data],
  );
  return (
    <Section id="assignments-title" title="assignments.title" busy={loaded.state === 'loading'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      <LoadState loaded={loaded} />
      {loaded.data && items.length === 0 && <p className="empty">{t('assignments.empty')}</p>}
      <ul className="card-list">
        {items.map((assignment) => (
          <AssignmentCard
            key={assignment.id}
            assignment={assignment}
            onChanged={(message) => {
              setNotice(message);
              loaded.reload();
            }}
          />
        ))}
      </ul>
    </Section>
  );
}
