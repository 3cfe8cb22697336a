import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { subject } from '@concord/permissions';
import { settle } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { FormProblem } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { requireText, useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import { isCancellable, type BoardAssignment } from './board';
import { InlineForm } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** An assignment on the board, and what the board does once it is cancelled or found to have moved on. */
interface CardProps {
  assignment: BoardAssignment;
  onCancelled: () => void;
  onStale: () => void;
}

/** An assignment on the board: brief, creator, due date; the owning agency's managers may cancel it. */
export function BoardCard({ assignment, onCancelled, onStale }: CardProps) {
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

/** Cancels an assignment, with a reason for the creator; a refusal because it moved on shows where it is now. */
function CancelForm({ assignment, onCancelled, onStale }: CardProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: { reason: '' },
    validate: requireText('reason', 'reason_required'),
    request: ({ reason }) => {
      const body = { reason: reason.trim() };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/assignments/{id}/cancel', { params: keyed(key, { id: assignment.id }), body })),
      };
    },
    onDone: onCancelled,
    // The assignment moved on meanwhile (e.g. content was submitted): show where it is now.
    onStale,
  });
  const fieldId = `cancel-reason-${assignment.id}`;
  const names = { creator: assignment.creatorName, brief: assignment.brief.title };
  const placed = placeFieldErrors(form.errors, ['reason']);

  if (!open) {
    return (
      <button
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
    <InlineForm form={form}>
      <FormProblem problem={form.problem} placedAll={placed.unplaced.length === 0} />
      <TextArea
        id={fieldId}
        label={t('board.cancel.reason')}
        hint={t('board.cancel.reasonHint')}
        errors={placed.byField.get('reason')}
        problem={form.problem}
        rows={2}
        {...form.bind('reason')}
        maxLength={2000}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="button-secondary" disabled={form.busy}>
          {t('board.cancel.submit')}
        </button>
        <button
          type="button"
          className="button-link-plain"
          onClick={() => {
            setOpen(false);
            form.reset(form.values);
          }}
        >
          {t('board.cancel.keep')}
        </button>
      </div>
    </InlineForm>
  );
}
