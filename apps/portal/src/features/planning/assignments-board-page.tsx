import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { subject } from '@concord/permissions';
import { settle, type ConcordClient, type Result } from '../api/client';
import type { Problem } from '../api/problem';
import { Field } from '../components/field';
import { Loading, ProblemAlert, SuccessNotice } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi } from '../lib/use-api';
import { groupByStatus, isCancellable, overdueCount, type BoardAssignment } from '../planning/board';
import { formErrorsOf } from '../planning/problems';
import { useApiClient, useSession } from '../session/session';

/** Every assignment of the campaign, page after page (the board shows them all at once). */
async function loadAll(
  api: ConcordClient,
  campaignId: string,
  signal: AbortSignal,
): Promise<Result<BoardAssignment[]>> {
  const items: BoardAssignment[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await settle(
      api.GET('/v1/assignments', {
        params: { query: { campaignId, limit: 200, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    if (!page.ok) return page;
    items.push(...page.data.items);
    if (!page.data.nextCursor) return { ok: true, data: items, response: page.response };
    cursor = page.data.nextCursor;
  }
}

/**
 * A campaign's assignments, one column per state (lists under headings, read
 * in order by screen readers): who, which brief, due when, overdue or not.
 * The owning agency's managers cancel work not yet submitted, with a reason.
 */
export default function AssignmentsBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const campaign = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const loaded = useApi((signal) => loadAll(api, id, signal), [api, id]);
  const [notice, setNotice] = useState('');
  const columns = useMemo(() => groupByStatus(loaded.data ?? []), [loaded.data]);
  const title = campaign.data?.title;
  const heading = title ? t('board.title', { campaign: title }) : t('board.titlePlain');

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/campaigns/${id}`}>{title ?? t('board.campaign')}</Link>
      </p>
      <div className="page-head">
        <PageHeading title={heading}>{heading}</PageHeading>
        <p className="actions">
          <Link to={`/campaigns/${id}/report`}>{t('board.reportLink')}</Link>
          <Link to="/calendar">{t('board.calendarLink')}</Link>
        </p>
      </div>
      <SuccessNotice message={notice} />
      {campaign.state === 'error' && campaign.problem.status !== 404 && (
        <ProblemAlert problem={campaign.problem} onRetry={campaign.reload} />
      )}
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('board.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && (
        <>
          <p className="lead">
            {loaded.data.length === 0
              ? t('board.empty')
              : t('board.summary', { count: loaded.data.length, overdue: overdueCount(loaded.data) })}
          </p>
          <div className="board" aria-busy={loaded.state === 'loading'}>
            {columns.map((column) => (
              <section key={column.status} className="board-column" aria-labelledby={`column-${column.status}`}>
                <h2 id={`column-${column.status}`}>
                  {t(`enums.assignmentStatus.${column.status}`)}{' '}
                  <span className="board-count">({column.items.length})</span>
                </h2>
                {column.items.length === 0 ? (
                  <p className="empty">{t('board.none')}</p>
                ) : (
                  <ul className="board-list">
                    {column.items.map((assignment) => (
                      <BoardCard
                        key={assignment.id}
                        assignment={assignment}
                        onCancelled={() => {
                          setNotice(
                            t('board.cancel.done', { creator: assignment.creatorName, brief: assignment.brief.title }),
                          );
                          loaded.reload();
                        }}
                        onStale={loaded.reload}
                      />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function BoardCard({
  assignment,
  onCancelled,
  onStale,
}: {
  assignment: BoardAssignment;
  onCancelled: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const mayCancel =
    isCancellable(assignment.status) &&
    (session.ability?.can(
      'update',
      subject('Assignment', {
        ownerAgencyId: assignment.ownerAgencyId,
        partnerAgencyIds: assignment.partnerAgencyIds,
        creatorId: assignment.creatorId,
        managementCompanyId: assignment.managementCompanyId,
      }),
    ) ??
      false);
  const id = `assignment-${assignment.id}`;
  return (
    <li
      id={id}
      className={['card', 'board-card', assignment.overdue ? 'overdue' : ''].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{assignment.brief.title}</h3>
      <p className="work-meta">
        <Link to={`/creators/${assignment.creatorId}`}>{assignment.creatorName}</Link> ·{' '}
        {t(`enums.contentKind.${assignment.brief.kind}`)}
      </p>
      <p className="work-meta">
        {t('board.due', { date: format.dateTime(assignment.brief.dueAt) })}{' '}
        {assignment.overdue && <strong className="tag tag-danger">{t('board.overdue')}</strong>}
      </p>
      {mayCancel && <CancelForm assignment={assignment} onCancelled={onCancelled} onStale={onStale} />}
    </li>
  );
}

function CancelForm({
  assignment,
  onCancelled,
  onStale,
}: {
  assignment: BoardAssignment;
  onCancelled: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const key = useMemo(createIdempotencyKeys, []);
  const openButton = useRef<HTMLButtonElement>(null);
  const fieldId = `cancel-reason-${assignment.id}`;
  const names = { creator: assignment.creatorName, brief: assignment.brief.title };
  const { byField, other } = formErrorsOf(problem, ['reason']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      return setProblem({
        code: 'validation.failed',
        detail: '',
        errors: [{ path: 'reason', code: 'reason_required', message: '' }],
      });
    }
    const body = { reason: reason.trim() };
    setBusy(true);
    const result = await settle(
      api.POST('/v1/assignments/{id}/cancel', {
        params: { path: { id: assignment.id }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (result.ok) return onCancelled();
    setProblem(result.problem);
    // The assignment moved on meanwhile (e.g. content was submitted): show where it is now.
    if (result.problem.status === 409) onStale();
  }

  if (!open) {
    return (
      <button
        ref={openButton}
        type="button"
        className="button-link-danger"
        onClick={() => setOpen(true)}
        aria-label={t('board.cancel.openNamed', names)}
      >
        {t('board.cancel.open')}
      </button>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      {problem && other && <ProblemAlert problem={problem} />}
      <Field
        id={fieldId}
        label={t('board.cancel.reason')}
        hint={t('board.cancel.reasonHint')}
        errors={byField.get('reason')}
        problem={problem}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
            autoFocus
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          {t('board.cancel.submit')}
        </button>
        <button
          type="button"
          className="button-link-plain"
          onClick={() => {
            setOpen(false);
            setProblem(undefined);
          }}
        >
          {t('board.cancel.keep')}
        </button>
      </div>
    </form>
  );
}
