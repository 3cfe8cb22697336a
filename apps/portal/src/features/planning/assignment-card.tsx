import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Result, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useForm } from '../../lib/use-form';
import { useMutation } from '../../lib/use-mutation';
import { useApiClient } from '../../session/session';
import { assignmentStep } from './assignment-step';
import { keyed } from '../../lib/idempotency';
import { StatusBadge } from '../../components/status-badge';
import { Facts } from '../../components/facts';

type Assignment = Schemas['AssignmentPage']['items'][number];

/** What a card without a submission to follow loads. */
const NOTHING = { ok: true, data: undefined } as Result<undefined>;

/** One assignment: what the brief asks and must carry, and the creator's next step (answer, submit, follow). */
export function AssignmentCard({
  assignment,
  onChanged,
}: {
  assignment: Assignment;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const [declining, setDeclining] = useState(false);
  const decline = useForm({
    initial: { note: '' },
    request: ({ note }) => answer('decline', note),
    onDone: () => onChanged(t('assignments.declined', { title: assignment.brief.title })),
  });
  const accept = useMutation();
  const busy = accept.busy || decline.busy;
  const problem = accept.problem ?? decline.problem;
  const id = `assignment-${assignment.id}`;
  const messages = [
    ...assignment.campaign.keyMessages,
    ...assignment.brief.keyMessages.filter((m) => !assignment.campaign.keyMessages.includes(m)),
  ];
  const submissionId = assignment.submissionId;
  // An accepted assignment with a submission: changes were asked for (or it was withdrawn); the submission says which.
  const followsSubmission = assignment.status === 'accepted' && submissionId !== null;
  const submission = useApi(
    (signal) =>
      followsSubmission
        ? settle(api.GET('/v1/submissions/{id}', { params: { path: { id: submissionId } }, signal }))
        : Promise.resolve(NOTHING),
    [api, followsSubmission, submissionId],
  );
  const { step, shows } = assignmentStep(assignment.status, submissionId, submission.data);

  /** An answer to the offer, with the note typed (if any). */
  function answer(action: 'accept' | 'decline', note: string) {
    const body = note.trim() ? { note: note.trim() } : {};
    const params = (key: string) => keyed(key, { id: assignment.id });
    return {
      body: { action, body },
      send: (key: string) =>
        settle(
          action === 'accept'
            ? api.POST('/v1/assignments/{id}/accept', { params: params(key), body })
            : api.POST('/v1/assignments/{id}/decline', { params: params(key), body }),
        ),
    };
  }

  async function acceptOffer() {
    const { body, send } = answer('accept', decline.values.note);
    const result = await accept.run(body, send);
    if (result.ok) onChanged(t('assignments.accepted', { title: assignment.brief.title }));
  }

  return (
    <li
      className={['card', assignment.overdue ? 'overdue' : ''].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
    >
      <div className="card-head">
        <h3 id={`${id}-title`}>{assignment.brief.title}</h3>
        <StatusBadge of={shows.status}>
          {shows.of === 'submission'
            ? t(`enums.submissionStatus.${shows.status}`)
            : t(`enums.assignmentStatus.${shows.status}`)}
        </StatusBadge>
      </div>
      <p className="work-meta">
        {assignment.campaign.title} · {t(`enums.contentKind.${assignment.brief.kind}`)} ·{' '}
        {assignment.brief.platforms.map((p) => t(`enums.platform.${p}`)).join(', ')}
      </p>
      <Facts
        className="facts facts-compact"
        facts={[
          {
            label: 'assignments.due',
            value: (
              <>
                {format.dateTime(assignment.brief.dueAt)}{' '}
                {assignment.overdue && <strong className="tag tag-danger">{t('assignments.overdue')}</strong>}
              </>
            ),
          },
          {
            label: 'assignments.fee',
            value:
              assignment.feePerDeliverable === undefined ? t('app.none') : format.money(assignment.feePerDeliverable),
          },
          { label: 'assignments.quantity', value: format.number(assignment.brief.quantity) },
          {
            label: 'assignments.disclosure',
            value: assignment.disclosureLabel ? (
              <span className="label-chip">{assignment.disclosureLabel}</span>
            ) : (
              t('app.none')
            ),
          },
        ]}
      />
      <h4>{t('assignments.mustCarry')}</h4>
      <ul className="must-carry">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {assignment.campaign.requiredHashtags.length > 0 && (
          <li>
            {t('assignments.hashtags')}{' '}
            {assignment.campaign.requiredHashtags.map((tag) => (
              <span key={tag} className="label-chip">
                {tag}
              </span>
            ))}
          </li>
        )}
      </ul>
      {problem && <ProblemAlert problem={problem} />}
      {step.kind === 'answer' && (
        <div className="actions">
          <button type="button" className="button-primary" disabled={busy} onClick={() => void acceptOffer()}>
            {t('assignments.accept')}
          </button>
          {!declining ? (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setDeclining(true)}>
              {t('assignments.decline')}
            </button>
          ) : (
            <form className="inline-form" onSubmit={(e) => void decline.submit(e)}>
              <label htmlFor={`${id}-note`}>
                {t('assignments.note')} <span className="optional">({t('register.optional')})</span>
              </label>
              <textarea id={`${id}-note`} rows={2} {...decline.bind('note')} autoFocus />
              <div className="actions">
                <button type="submit" className="button-secondary" disabled={busy}>
                  {t('assignments.confirmDecline')}
                </button>
                <button type="button" className="button-link-plain" onClick={() => setDeclining(false)}>
                  {t('assignments.cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      {step.kind === 'submit' && (
        <div className="actions">
          <Link className="button-link" to={`/assignments/${assignment.id}/submit`}>
            {t('assignments.submit')}
          </Link>
        </div>
      )}
      {step.kind === 'new_version' && submissionId && (
        <>
          <p>{t('assignments.changesRequested')}</p>
          <div className="actions">
            <Link className="button-link" to={`/submissions/${submissionId}`}>
              {t('assignments.newVersion')}
            </Link>
          </div>
        </>
      )}
      {submissionId && step.kind !== 'answer' && step.kind !== 'new_version' && (
        <p>
          <Link to={`/submissions/${submissionId}`}>{t('assignments.openSubmission')}</Link>
        </p>
      )}
    </li>
  );
}
