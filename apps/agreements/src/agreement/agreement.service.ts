import type { EntityManager } from 'typeorm';
import {
  agreementBudget,
  agreementNumber,
  applyChanges,
  assertDocument,
  assertMilestoneEditable,
  assertMilestonesWithinBudget,
  assertTerm,
  diffTerms,
  DomainError,
  EVENTS,
  findAgency,
  moveAgreement,
  newId,
  NotFoundError,
  statusOnSigning,
  sumBudget,
  todayInVietnam,
  vettingOverrideOf,
  type Actor,
  type AgreementCommands,
  type AgreementMove,
  type AgreementStatusName,
  type AgreementView,
  type ChangeAppliers,
  type Envelope,
  firstStatus,
  recordStatusChange,
  storedAsSent,
} from '@concord/domain';
import { abilityFor, roleMayNot, subject, toSqlCondition, type Action, type AppAbility } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import { Agreement } from './agreement.entity';
import { Milestone } from './milestone.entity';
import {
  termsOf,
  toDocumentView,
  toAgreementEvent,
  toAgreementSummary,
  toAgreementView,
  toPublicPartnership,
} from './agreement.mapper';
import { AgreementVersion } from './agreement-version.entity';
import { AgreementDocument } from './agreement-document.entity';
import { createHash } from 'node:crypto';
import { AGREEMENT_PERMISSION_COLUMNS, AgreementRepository } from './agreement.repository';
import type { CounterpartyDirectory } from './counterparty-directory';

type AgreementEventSubject = Exclude<
  (typeof EVENTS.agreements)[keyof typeof EVENTS.agreements],
  typeof EVENTS.agreements.auditCheckpointed
>;

type Cmd<K extends keyof typeof AgreementCommands> = Envelope<z.infer<(typeof AgreementCommands)[K]>>;

/** The event each status an agreement enters announces (the others announce nothing). */
const EVENT_OF: Partial<Record<AgreementStatusName, AgreementEventSubject>> = {
  approved: EVENTS.agreements.approved,
  signed: EVENTS.agreements.signed,
  active: EVENTS.agreements.activated,
  suspended: EVENTS.agreements.suspended,
  terminated: EVENTS.agreements.ended,
  expired: EVENTS.agreements.ended,
};

/**
 * The agreements service: every method checks the caller's ability on the
 * agreement first (another agency's agreement is not found), then load →
 * domain rule → persist + audit + outbox event in one transaction.
 */
export class AgreementService {
  constructor(
    private readonly repo: AgreementRepository,
    private readonly counterparties: CounterpartyDirectory,
    private readonly work: UnitOfWork,
    private readonly today: () => string = () => todayInVietnam(),
  ) {}

  async create(cmd: Cmd<'create'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    this.assertMay(actor, 'create');
    const input = data.input;
    assertTerm(input.term.start, input.term.end);
    const counterparty = await this.counterparties.find(actor, input.counterpartyId, cmd.correlationId);
    return this.work.command(cmd, async (manager) => {
      const now = new Date();
      const year = Number(this.today().slice(0, 4));
      const sequence = await this.repo.nextSequence(manager, actor.orgId, year);
      const agreement = manager.create(Agreement, {
        id: newId(),
        number: agreementNumber(findAgency(actor.orgId)?.prefix ?? actor.orgId.toUpperCase(), year, sequence),
        agencyId: actor.orgId,
        kind: input.kind,
        counterpartyId: counterparty.id,
        counterpartyName: counterparty.displayName,
        title: input.title,
        scope: input.scope,
        termStart: input.term.start,
        termEnd: input.term.end,
        budget: input.budget,
        deliverables: input.deliverables,
        disclosureLabel: input.disclosureLabel,
        usageRights: input.usageRights ?? null,
        status: 'draft',
        version: 1,
        signatures: [],
        legalReviews: [],
        statusHistory: firstStatus('draft', actor.userId, now.toISOString()),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.repo.insert(manager, agreement);
      await appendAudit(manager, {
        actor,
        action: 'agreement.drafted',
        subject: `agreement:${agreement.id}`,
        data: { number: agreement.number, counterpartyId: counterparty.id, budget: input.budget },
      });
      return toAgreementView(agreement);
    });
  }

  async get(cmd: Cmd<'get'>): Promise<AgreementView> {
    return toAgreementView(await this.findReadable(abilityFor(cmd.actor), cmd.data.id));
  }

  async list(cmd: Cmd<'list'>) {
    const visibility = toSqlCondition(abilityFor(cmd.actor), 'read', 'Agreement', AGREEMENT_PERMISSION_COLUMNS);
    const page = await this.repo.list(visibility, cmd.data.query, this.today());
    return { items: page.items.map(toAgreementSummary), nextCursor: page.nextCursor };
  }

  /** Drafts only, at the version the caller read. */
  async update(cmd: Cmd<'update'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'update', data.id);
      if (agreement.status !== 'draft') {
        throw new DomainError(
          'agreement.not_editable',
          `Only a draft can be edited; this agreement is ${agreement.status}. Amend it instead.`,
        );
      }
      if (agreement.version !== data.expectedVersion) {
        throw new DomainError(
          'version.mismatch',
          `The agreement is at version ${agreement.version}, not ${data.expectedVersion}; reload and retry`,
          [],
          {
            currentVersion: agreement.version,
          },
        );
      }
      const c = data.changes;
      const changed = await applyChanges(AGREEMENT_CHANGES, agreement, c, undefined);
      // Nothing sent differs from what is stored: the draft as it is, no new version or audit entry.
      if (changed.length === 0) return toAgreementView(agreement);
      return this.commit(manager, actor, agreement, 'agreement.updated', { changed }, null);
    });
  }

  submitForReview(cmd: Cmd<'submitForReview'>): Promise<AgreementView> {
    return this.move(cmd, 'submit', 'submit_for_review', null);
  }

  /**
   * Only a legal officer approves or sends back, with comments; approval needs a vetted or active counterparty,
   * and notes it when the counterparty was set vetted by override of its vetting record.
   */
  async legalDecision(cmd: Cmd<'legalDecision'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    const { decision, comments } = data.input;
    let override: ReturnType<typeof vettingOverrideOf> = null;
    if (decision === 'approve') {
      const ability = abilityFor(actor);
      const current = await this.findReadable(ability, data.id);
      assertMayOn(ability, 'legal_decision', current);
      override = await this.assertCounterpartyEligible(actor, current.counterpartyId, cmd.correlationId);
    }
    return this.move(
      cmd,
      'legal_decision',
      decision === 'approve' ? 'legal_approve' : 'legal_return',
      comments,
      (agreement) => {
        agreement.legalReviews = [
          ...agreement.legalReviews,
          {
            decision,
            comments,
            by: actor.userId,
            at: new Date().toISOString(),
            ...(override ? { counterpartyVettedByOverride: override } : {}),
          },
        ];
      },
    );
  }

  /** Records one side's signature; with both, the agreement is signed (and active if its term has begun). */
  async sign(cmd: Cmd<'sign'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'sign', data.id);
      moveAgreement(agreement.status, 'sign');
      if (agreement.signatures.some((s) => s.party === data.input.party)) {
        throw new DomainError('agreement.already_signed', `The ${data.input.party} has already signed this agreement`);
      }
      agreement.signatures = [...agreement.signatures, { ...data.input, recordedBy: actor.userId }];
      const parties = new Set(agreement.signatures.map((s) => s.party));
      if (parties.size < 2) {
        return this.commit(
          manager,
          actor,
          agreement,
          'agreement.signature_recorded',
          { party: data.input.party },
          null,
        );
      }
      this.transition(agreement, actor, moveAgreement(agreement.status, 'sign'), null);
      await recordEvent(manager, EVENTS.agreements.signed, actor, toAgreementEvent(agreement), cmd.correlationId);
      if (statusOnSigning(agreement.termStart, this.today()) === 'active') {
        this.transition(agreement, actor, moveAgreement(agreement.status, 'activate'), 'term has begun');
        await recordEvent(manager, EVENTS.agreements.activated, actor, toAgreementEvent(agreement), cmd.correlationId);
      }
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.signed',
        { party: data.input.party, status: agreement.status },
        null,
      );
    });
  }

  suspend(cmd: Cmd<'suspend'>): Promise<AgreementView> {
    return this.move(cmd, 'suspend', 'suspend', cmd.data.input.reason);
  }

  resume(cmd: Cmd<'resume'>): Promise<AgreementView> {
    return this.move(cmd, 'resume', 'resume', cmd.data.input.reason);
  }

  terminate(cmd: Cmd<'terminate'>): Promise<AgreementView> {
    return this.move(cmd, 'terminate', 'terminate', cmd.data.input.reason);
  }

  /** Finance officers plan payments; milestones never sum above the budget. */
  async addMilestone(cmd: Cmd<'addMilestone'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'manage_milestones', data.id);
      if (['terminated', 'expired'].includes(agreement.status)) {
        throw new DomainError(
          'agreement.not_editable',
          `No milestones can be added to an agreement that is ${agreement.status}`,
        );
      }
      const milestones = agreement.milestones ?? [];
      assertMilestonesWithinBudget([...milestones.map((m) => m.amount), data.input.amount], agreement.budget);
      const milestone = manager.create(Milestone, {
        id: newId(),
        agreementId: agreement.id,
        ...data.input,
        status: 'planned',
        paidAt: null,
        paidBy: null,
        paymentReference: null,
        createdAt: new Date(),
      });
      await this.repo.insertMilestone(manager, milestone);
      agreement.milestones = [...milestones, milestone];
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.milestone_added',
        { milestoneId: milestone.id, amount: milestone.amount },
        null,
      );
    });
  }

  /** Changes a milestone that is not paid (or marks it due). */
  async updateMilestone(cmd: Cmd<'updateMilestone'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'manage_milestones', data.id);
      const milestone = this.milestoneOf(agreement, data.milestoneId);
      assertMilestoneEditable(milestone.status);
      const { status, ...changes } = data.input;
      Object.assign(milestone, changes);
      if (status) milestone.status = status;
      assertMilestonesWithinBudget(
        (agreement.milestones ?? []).map((m) => m.amount),
        agreement.budget,
      );
      await this.repo.saveMilestone(manager, milestone);
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.milestone_updated',
        { milestoneId: milestone.id, changed: Object.keys(data.input) },
        null,
      );
    });
  }

  /** Marks a milestone paid, with who and the payment reference; it cannot change afterwards. */
  async payMilestone(cmd: Cmd<'payMilestone'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'manage_milestones', data.id);
      if (!['signed', 'active', 'suspended', 'expired'].includes(agreement.status)) {
        throw new DomainError(
          'agreement.not_editable',
          `Payments are made under a signed agreement; this one is ${agreement.status}`,
        );
      }
      const milestone = this.milestoneOf(agreement, data.milestoneId);
      assertMilestoneEditable(milestone.status);
      milestone.status = 'paid';
      milestone.paidAt = data.input.paidAt ? new Date(data.input.paidAt) : new Date();
      milestone.paidBy = actor.userId;
      milestone.paymentReference = data.input.paymentReference;
      await this.repo.saveMilestone(manager, milestone);
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.milestone_paid',
        { milestoneId: milestone.id, amount: milestone.amount, paymentReference: milestone.paymentReference },
        null,
      );
    });
  }

  /**
   * Committed, paid and remaining budget of a year, by agency and by
   * counterparty, for what the caller may see: each agreement weighed by
   * `agreementBudget` (an expired or terminated one commits only what it paid).
   */
  async budget(cmd: Cmd<'budget'>) {
    const visibility = toSqlCondition(abilityFor(cmd.actor), 'read', 'Agreement', AGREEMENT_PERMISSION_COLUMNS);
    const year = cmd.data.query.year;
    const agreements = await this.repo.budgetAgreements(visibility, year);
    const byAgency = new Map<string, ReturnType<typeof agreementBudget>[]>();
    const byCounterparty = new Map<string, { displayName: string; lines: ReturnType<typeof agreementBudget>[] }>();
    for (const a of agreements) {
      const line = agreementBudget(a);
      byAgency.set(a.agencyId, [...(byAgency.get(a.agencyId) ?? []), line]);
      const c = byCounterparty.get(a.counterpartyId) ?? { displayName: a.counterpartyName, lines: [] };
      c.lines.push(line);
      byCounterparty.set(a.counterpartyId, c);
    }
    return {
      year,
      agencies: [...byAgency.entries()]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([agencyId, lines]) => ({ agencyId, ...sumBudget(lines) })),
      counterparties: [...byCounterparty.entries()]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([counterpartyId, c]) => ({ counterpartyId, displayName: c.displayName, ...sumBudget(c.lines) })),
    };
  }

  /**
   * Proposes new terms for a signed agreement: a new version with its diff,
   * which goes through legal review and both signatures again while the
   * agreement stays in force under the terms it has.
   */
  async amend(cmd: Cmd<'amend'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'update', data.id);
      if (!['signed', 'active', 'suspended'].includes(agreement.status)) {
        throw new DomainError(
          'agreement.not_editable',
          `Only a signed agreement is amended; this one is ${agreement.status}${agreement.status === 'draft' ? ' (edit the draft instead)' : ''}`,
        );
      }
      const versions = agreement.versions ?? [];
      if (versions.some((v) => v.status === 'in_review' || v.status === 'approved')) {
        throw new DomainError(
          'agreement.amendment_pending',
          'An amendment of this agreement is already under way; finish or return it first',
        );
      }
      const current = termsOf(agreement);
      const proposed = { ...current, ...data.input.changes };
      assertTerm(proposed.term.start, proposed.term.end);
      const changes = diffTerms(current, proposed);
      if (changes.length === 0) {
        throw new DomainError('validation.failed', 'The amendment changes nothing', [
          { path: 'changes', code: 'nothing_changes', message: 'Give at least one term with a new value' },
        ]);
      }
      assertMilestonesWithinBudget(
        (agreement.milestones ?? []).map((m) => m.amount),
        proposed.budget,
        'changes.budget',
      );
      if (versions.length === 0) {
        versions.push(
          manager.create(AgreementVersion, {
            agreementId: agreement.id,
            version: 1,
            status: 'signed',
            terms: current,
            changes: [],
            reason: null,
            legalReviews: agreement.legalReviews,
            signatures: agreement.signatures,
            createdBy: agreement.createdBy,
            createdAt: agreement.createdAt,
          }),
        );
        await this.repo.saveVersion(manager, versions[0]);
      }
      const amendment = manager.create(AgreementVersion, {
        agreementId: agreement.id,
        version: versions[versions.length - 1].version + 1,
        status: 'in_review',
        terms: proposed,
        changes,
        reason: data.input.reason,
        legalReviews: [],
        signatures: [],
        createdBy: actor.userId,
        createdAt: new Date(),
      });
      await this.repo.saveVersion(manager, amendment);
      agreement.versions = [...versions, amendment];
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.amendment_proposed',
        { version: amendment.version, changed: changes.map((c) => c.field) },
        data.input.reason,
      );
    });
  }

  /** A legal officer approves or returns an amendment; approval needs a counterparty still vetted or active. */
  async amendmentDecision(cmd: Cmd<'amendmentDecision'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    let override: ReturnType<typeof vettingOverrideOf> = null;
    if (data.input.decision === 'approve') {
      const ability = abilityFor(actor);
      const current = await this.findReadable(ability, data.id);
      assertMayOn(ability, 'legal_decision', current);
      override = await this.assertCounterpartyEligible(actor, current.counterpartyId, cmd.correlationId);
    }
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'legal_decision', data.id);
      const amendment = this.versionOf(agreement, data.version, 'in_review');
      amendment.status = data.input.decision === 'approve' ? 'approved' : 'returned';
      amendment.legalReviews = [
        ...amendment.legalReviews,
        {
          ...data.input,
          by: actor.userId,
          at: new Date().toISOString(),
          ...(override ? { counterpartyVettedByOverride: override } : {}),
        },
      ];
      await this.repo.saveVersion(manager, amendment);
      return this.commit(
        manager,
        actor,
        agreement,
        `agreement.amendment_${data.input.decision === 'approve' ? 'approved' : 'returned'}`,
        { version: amendment.version },
        data.input.comments,
      );
    });
  }

  /** Records a signature of an approved amendment; with both, its terms replace the agreement's and the prior version stays readable. */
  async amendmentSign(cmd: Cmd<'amendmentSign'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'sign', data.id);
      const amendment = this.versionOf(agreement, data.version, 'approved');
      if (amendment.signatures.some((s) => s.party === data.input.party)) {
        throw new DomainError(
          'agreement.already_signed',
          `The ${data.input.party} has already signed amendment ${amendment.version}`,
        );
      }
      amendment.signatures = [...amendment.signatures, { ...data.input, recordedBy: actor.userId }];
      if (new Set(amendment.signatures.map((s) => s.party)).size === 2) {
        amendment.status = 'signed';
        for (const prior of agreement.versions ?? []) {
          if (prior.status === 'signed' && prior.version !== amendment.version) {
            prior.status = 'superseded';
            await this.repo.saveVersion(manager, prior);
          }
        }
        const t = amendment.terms;
        Object.assign(agreement, {
          title: t.title,
          scope: t.scope,
          termStart: t.term.start,
          termEnd: t.term.end,
          budget: t.budget,
          deliverables: t.deliverables,
          disclosureLabel: t.disclosureLabel,
          usageRights: t.usageRights ?? null,
        });
        const summary = `amendment ${amendment.version}: ${amendment.changes.map((c) => c.field).join(', ')}`;
        await recordEvent(
          manager,
          EVENTS.agreements.amended,
          actor,
          toAgreementEvent(agreement, summary),
          cmd.correlationId,
        );
      }
      await this.repo.saveVersion(manager, amendment);
      return this.commit(
        manager,
        actor,
        agreement,
        amendment.status === 'signed' ? 'agreement.amended' : 'agreement.amendment_signature_recorded',
        { version: amendment.version, party: data.input.party },
        null,
      );
    });
  }

  /** Attaches a document (size limit, type checked by its first bytes); its sha256 is kept and audited. */
  async addDocument(cmd: Cmd<'addDocument'>): Promise<AgreementView> {
    const { actor, data } = cmd;
    const bytes = Buffer.from(data.input.contentBase64, 'base64');
    assertDocument(bytes, data.input.mimeType);
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, 'update', data.id);
      const document = manager.create(AgreementDocument, {
        id: newId(),
        agreementId: agreement.id,
        name: data.input.name,
        mimeType: data.input.mimeType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        uploadedBy: actor.userId,
        uploadedAt: new Date(),
      });
      await this.repo.insertDocument(manager, document);
      agreement.documents = [...(agreement.documents ?? []), document];
      return this.commit(
        manager,
        actor,
        agreement,
        'agreement.document_added',
        { documentId: document.id, name: document.name, sha256: document.sha256, size: document.size },
        null,
      );
    });
  }

  /** A document with its bytes, for whoever may read the agreement. */
  async getDocument(cmd: Cmd<'getDocument'>) {
    const agreement = await this.findReadable(abilityFor(cmd.actor), cmd.data.id);
    const document = await this.repo.documentContent(agreement.id, cmd.data.documentId);
    if (!document) throw new NotFoundError('document', cmd.data.documentId);
    return { ...toDocumentView(document), contentBase64: document.content.toString('base64') };
  }

  /** The public transparency register: agency, counterparty's public name, title, term, budget, disclosure label. */
  async publicRegister(cmd: Cmd<'publicRegister'>) {
    const page = await this.repo.signedPartnerships(cmd.data.query.limit, cmd.data.query.cursor);
    return { items: page.items.map(toPublicPartnership), nextCursor: page.nextCursor };
  }

  /**
   * The calendar's moves: signed agreements whose term has begun become
   * active; agreements past their end date expire. Each agreement is claimed
   * with FOR UPDATE SKIP LOCKED and moved in its own transaction, so with any
   * number of instances, and across restarts, each move happens exactly once.
   * Returns how many agreements moved.
   */
  async runDueTransitions(): Promise<number> {
    const today = this.today();
    let moved = 0;
    for (;;) {
      const done = await this.work.job(async (manager) => {
        const due = await this.repo.lockNextDue(manager, today);
        if (!due) return false;
        const agreement = await manager.findOneByOrFail(Agreement, { id: due });
        const system: Actor = { userId: 'system:calendar', orgId: agreement.agencyId, roles: [] };
        const expired = agreement.termEnd < today;
        const to = moveAgreement(agreement.status, expired ? 'expire' : 'activate');
        const reason = expired ? 'expired' : 'term has begun';
        this.transition(agreement, system, to, reason);
        await recordEvent(manager, EVENT_OF[to]!, system, toAgreementEvent(agreement, reason));
        await this.commit(
          manager,
          system,
          agreement,
          expired ? 'agreement.expired' : 'agreement.activated',
          { status: to, today },
          reason,
        );
        return true;
      });
      if (!done) break;
      moved += 1;
    }
    return moved;
  }

  // ---- helpers ----

  private async move(
    cmd: Envelope<{ id: string }>,
    action: Action,
    move: AgreementMove,
    reason: string | null,
    alsoApply?: (agreement: Agreement) => void,
  ): Promise<AgreementView> {
    const { actor } = cmd;
    return this.work.command(cmd, async (manager) => {
      const agreement = await this.loadFor(manager, actor, action, cmd.data.id);
      const to = moveAgreement(agreement.status, move);
      alsoApply?.(agreement);
      this.transition(agreement, actor, to, reason);
      const event = EVENT_OF[to];
      if (event) await recordEvent(manager, event, actor, toAgreementEvent(agreement, reason), cmd.correlationId);
      return this.commit(manager, actor, agreement, `agreement.${move}`, { status: to }, reason);
    });
  }

  /**
   * Asks the registry: an agreement is approved only with a vetted or active counterparty. Returns the
   * legal officer's override that set the counterparty vetted, if that is how it was vetted.
   */
  private async assertCounterpartyEligible(
    actor: Actor,
    counterpartyId: string,
    correlationId: string,
  ): Promise<ReturnType<typeof vettingOverrideOf>> {
    const counterparty = await this.counterparties.current(actor, counterpartyId, correlationId);
    if (!['vetted', 'active'].includes(counterparty.status)) {
      throw new DomainError(
        'agreement.counterparty_not_eligible',
        `${counterparty.displayName} is ${counterparty.status} in the registry; an agreement is approved only with a vetted or active counterparty`,
        [],
        { counterpartyStatus: counterparty.status },
      );
    }
    return vettingOverrideOf(counterparty.statusHistory);
  }

  private versionOf(agreement: Agreement, version: number, expected: AgreementVersion['status']): AgreementVersion {
    const found = (agreement.versions ?? []).find((v) => v.version === version);
    if (!found) throw new NotFoundError('amendment', `${agreement.id} v${version}`);
    if (found.status !== expected) {
      throw new DomainError(
        'agreement.status_transition_forbidden',
        `Amendment ${version} is ${found.status}, not ${expected.replace('_', ' ')}`,
        [],
        {
          from: found.status,
        },
      );
    }
    return found;
  }

  private milestoneOf(agreement: Agreement, milestoneId: string): Milestone {
    const milestone = (agreement.milestones ?? []).find((m) => m.id === milestoneId);
    if (!milestone) throw new NotFoundError('milestone', milestoneId);
    return milestone;
  }

  private transition(agreement: Agreement, actor: Actor, to: AgreementStatusName, reason: string | null): void {
    recordStatusChange(agreement, to, actor.userId, reason);
  }

  private async commit(
    manager: EntityManager,
    actor: Actor,
    agreement: Agreement,
    action: string,
    data: Record<string, unknown>,
    reason: string | null,
  ): Promise<AgreementView> {
    agreement.version += 1;
    agreement.updatedAt = new Date();
    await this.repo.save(manager, agreement);
    await appendAudit(manager, {
      actor,
      action,
      subject: `agreement:${agreement.id}`,
      reason,
      data: { ...data, version: agreement.version },
    });
    return toAgreementView(agreement);
  }

  private assertMay(actor: Actor, action: Action): void {
    if (!abilityFor(actor).can(action, subject('Agreement', { agencyId: actor.orgId }))) {
      throw roleMayNot(action, 'Agreement');
    }
  }

  private async findReadable(
    ability: AppAbility,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<Agreement> {
    const visibility = toSqlCondition(ability, 'read', 'Agreement', AGREEMENT_PERMISSION_COLUMNS);
    const agreement = await this.repo.findVisible(visibility, id, { manager, lock });
    if (!agreement) throw new NotFoundError('agreement', id);
    return agreement;
  }

  /** Loads (locked) an agreement the actor may see, then checks the action on it: not visible → 404, not allowed → 403. */
  private async loadFor(manager: EntityManager, actor: Actor, action: Action, id: string): Promise<Agreement> {
    const ability = abilityFor(actor);
    const agreement = await this.findReadable(ability, id, manager, true);
    assertMayOn(ability, action, agreement);
    return agreement;
  }
}

/** A draft's edit: the fields of `UpdateAgreementInput` it changes. */
type AgreementChanges = z.infer<(typeof AgreementCommands)['update']>['changes'];

/** How each field of a draft's edit changes the agreement. */
const AGREEMENT_CHANGES: ChangeAppliers<AgreementChanges, Agreement> = {
  ...storedAsSent<Agreement>()('title', 'scope', 'budget', 'deliverables', 'disclosureLabel', 'usageRights'),
  term: (agreement, value) => {
    assertTerm(value.start, value.end);
    agreement.termStart = value.start;
    agreement.termEnd = value.end;
  },
};

function assertMayOn(ability: AppAbility, action: Action, agreement: Agreement): void {
  if (!ability.can(action, subject('Agreement', { agencyId: agreement.agencyId }))) {
    throw roleMayNot(action, 'Agreement');
  }
}
