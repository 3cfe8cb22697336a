import { useTranslation } from 'react-i18next';
import { settle, type Result, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { Block } from './block';
import { useBlockRead, WorkItem, WorkList } from './work-list';

type Task = Schemas['AgencyTaskPage']['items'][number];

const DUE_SOON_DAYS = 7;
const OPEN_TASK = new Set<Task['status']>(['proposed', 'accepted', 'in_progress']);

/** The agency's tasks overdue, then those due within a week. */
export function TasksBlock() {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useBlockRead(async (api, signal): Promise<Result<Task[]>> => {
    const [overdue, inbox] = await Promise.all([
      settle(api.GET('/v1/tasks', { params: { query: { box: 'inbox', overdue: true, limit: 50 } }, signal })),
      settle(api.GET('/v1/tasks', { params: { query: { box: 'inbox', limit: 200 } }, signal })),
    ]);
    if (!overdue.ok) return overdue;
    if (!inbox.ok) return inbox;
    const soon = Date.now() + DUE_SOON_DAYS * 24 * 3600 * 1000;
    const dueSoon = inbox.data.items.filter(
      (task) => !task.overdue && OPEN_TASK.has(task.status) && Date.parse(task.dueAt) <= soon,
    );
    const items = [...overdue.data.items, ...dueSoon.sort((a, b) => a.dueAt.localeCompare(b.dueAt))];
    return { ok: true, data: items, response: inbox.response };
  });
  return (
    <Block
      id="tasks"
      title={t('home.tasks.title')}
      loaded={loaded}
      isEmpty={(d) => d.length === 0}
      empty={t('home.tasks.empty')}
    >
      {(tasks) => (
        <WorkList items={tasks}>
          {(task) => (
            <WorkItem
              key={task.id}
              overdue={task.overdue}
              title={task.title}
              meta={
                <>
                  {task.overdue && <strong className="tag tag-danger">{t('home.tasks.overdue')}</strong>}{' '}
                  {t('home.tasks.due', { date: format.dateTime(task.dueAt) })} ·{' '}
                  {t('home.tasks.from', { agency: format.agency(task.fromAgencyId) })} ·{' '}
                  {t(`enums.taskStatus.${task.status}`)}
                </>
              }
            />
          )}
        </WorkList>
      )}
    </Block>
  );
}
