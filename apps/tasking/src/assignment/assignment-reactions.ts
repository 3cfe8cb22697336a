import type { EntityManager } from 'typeorm';
import {
  AgreementEventData,
  ApprovalEventData,
  CreatorStatusChanged,
  type AssignmentMove,
  type Envelope,
} from '@concord/domain';
import { BUS } from '@concord/messaging';
import type { AssignmentRepository } from './assignment.repository';
import type { AssignmentService } from './assignment.service';

type Event = Envelope<unknown> & { subject: string };

/** What tasking follows, as written in code (namespaced on the wire): its consumers in the bus's permission table. */
export const FOLLOWED_EVENTS = BUS.tasking.consumes;

/** The content approval service's events, and the assignment move each makes. */
const MOVE_OF_APPROVAL_EVENT: Record<string, AssignmentMove | null> = {
  'submission.submitted': 'submit',
  'submission.changes_requested': 'request_changes',
  'submission.approved': 'approve',
  'submission.rejected': 'reject',
  // Withdrawn content: the assignment is back with the creator, who may submit anew.
  'submission.withdrawn': 'request_changes',
  'publication.recorded': 'publish',
  'metrics.reported': 'report',
  'review.stage_overdue': null,
};

/**
 * Reactions to other services' events. Each runs inside the consumer's
 * transaction that records the event in the inbox, so a redelivered event
 * changes nothing.
 */
export class AssignmentReactions {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly repository: AssignmentRepository,
  ) {}

  /**
   * Keeps the read model of agreements (which are active, for whom, until
   * when, with what quota). An ended agreement flags its open assignments
   * and cancels those whose content was not submitted yet.
   */
  async onAgreementEvent(event: Event, m: EntityManager): Promise<void> {
    const data = AgreementEventData.parse(event.data);
    await this.repository.recordCoverage(m, {
      agreementId: data.agreementId,
      agencyId: data.agencyId,
      counterpartyId: data.counterpartyId,
      status: data.status,
      termStart: data.term.start,
      termEnd: data.term.end,
      deliverables: data.deliverables,
      disclosureLabel: data.disclosureLabel,
      budget: data.budget,
      at: event.occurredAt,
    });
    if (!event.subject.endsWith('.ended')) return;
    await this.repository.flagAgreementEnded(m, data.agreementId);
    const unstarted = await this.repository.unstartedUnder(m, data.agreementId);
    const note = `Agreement ${data.number} ended (${data.status})${data.reason ? `: ${data.reason}` : ''}`;
    await this.assignments.moveMany(m, unstarted, { move: 'cancel', note }, event.actor, event.correlationId);
  }

  /** A suspended creator's offers are withdrawn (accepted work stays, for a person to decide). */
  async onCreatorStatusChanged(event: Event, m: EntityManager): Promise<void> {
    const data = CreatorStatusChanged.parse(event.data);
    if (data.to !== 'suspended') return;
    const offered = await this.repository.offeredTo(m, data.creatorId);
    await this.assignments.moveMany(
      m,
      offered,
      { move: 'cancel', note: `Offer withdrawn: the creator was suspended (${data.reason})` },
      event.actor,
      event.correlationId,
    );
  }

  /** Content approval moves the assignment: submitted, changes requested, approved, rejected, published, reach reported. */
  async onApprovalEvent(event: Event, m: EntityManager): Promise<void> {
    const name = event.subject.split('.').slice(-2).join('.');
    const move = MOVE_OF_APPROVAL_EVENT[name];
    if (!move) return;
    const data = ApprovalEventData.parse(event.data);
    if (name.startsWith('submission.') && typeof data.submissionId === 'string') {
      await this.repository.linkSubmission(m, data.assignmentId, data.submissionId);
    }
    // A move that does not apply in the assignment's state (e.g. a late duplicate) is a no-op.
    await this.assignments.moveMany(
      m,
      [data.assignmentId],
      { move, note: typeof data.note === 'string' ? data.note : null },
      event.actor,
      event.correlationId,
    );
  }
}
