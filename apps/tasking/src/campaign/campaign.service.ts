import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  assertCampaignFunded,
  assertKnownAgencies,
  campaignMachine,
  campaignRequestMachine,
  decodeCursor,
  defaultBriefWindow,
  DomainError,
  encodeCursor,
  UUID_POSITION,
  EVENTS,
  findAgency,
  newId,
  NotFoundError,
  refusePastDue,
  type Actor,
  type AgreementStatusName,
  type CampaignCommands,
  type CampaignMove,
  type FundingAgreement,
  type CampaignRequestMove,
  type CampaignView,
  type Envelope,
} from '@concord/domain';
import { abilityFor, subject, toSqlCondition, type Action, type ColumnSpec } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent, transactOnce } from '@concord/messaging';
import type { z } from 'zod';
import { CampaignRequest } from './campaign-request.entity';
import { Campaign } from './campaign.entity';
import { toBriefView, toCampaignRequestView, toCampaignView } from './campaign.mapper';
import { Brief } from './brief.entity';

type Cmd<K extends keyof typeof CampaignCommands> = Envelope<z.infer<(typeof CampaignCommands)[K]>>;

const CAMPAIGN_COLUMNS: Record<string, ColumnSpec> = {
  ownerAgencyId: 'c.owner_agency_id',
  partnerAgencyIds: { array: 'c.partner_agency_ids' },
};

/** The campaign `id` as `actor` may see it; one the caller may not see, or none at all, is `not_found` alike. */
export async function findVisibleCampaign(
  manager: EntityManager,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Campaign | null> {
  const visibility = toSqlCondition(abilityFor(actor), 'read', 'Campaign', CAMPAIGN_COLUMNS);
  const qb = manager
    .getRepository(Campaign)
    .createQueryBuilder('c')
    .where(visibility.sql, visibility.params)
    .andWhere('c.id = :id', { id });
  if (lock) qb.setLock('pessimistic_write');
  return qb.getOne();
}
const REQUEST_COLUMNS: Record<string, ColumnSpec> = { fromAgencyId: 'r.from_agency_id', toAgencyId: 'r.to_agency_id' };

/**
 * Campaigns and joint campaign requests. Every method checks the caller's
 * ability on the object first (what an agency may not see is not found),
 * then rule → persist + audit + outbox event in one transaction.
 */
export class CampaignService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onCommitted: () => void,
  ) {}

  // ---- campaigns ----

  async createCampaign(cmd: Cmd<'create'>): Promise<CampaignView> {
    const { actor, data } = cmd;
    if (!abilityFor(actor).can('create', subject('Campaign', { ownerAgencyId: actor.orgId, partnerAgencyIds: [] }))) {
      throw new DomainError('auth.forbidden', 'Your role may not run campaigns');
    }
    assertKnownAgencies(
      data.input.partnerAgencyIds.map((agencyId, i) => ({ path: `input.partnerAgencyIds.${i}`, agencyId })),
      actor.orgId,
    );
    return this.write(cmd, async (manager) => {
      const campaign = this.newCampaign(manager, actor, data.input, null);
      assertCampaignFunded(campaign, await this.fundingAgreements(manager, campaign.agreementIds));
      await manager.insert(Campaign, campaign);
      await appendAudit(manager, {
        actor,
        action: 'campaign.created',
        subject: `campaign:${campaign.id}`,
        data: { title: campaign.title, partners: campaign.partnerAgencyIds },
      });
      await recordEvent(
        manager,
        EVENTS.tasking.campaignCreated,
        actor,
        this.campaignEvent(campaign),
        cmd.correlationId,
      );
      return toCampaignView(campaign, { owner: true });
    });
  }

  async getCampaign(cmd: Cmd<'get'>): Promise<CampaignView> {
    const campaign = await this.findCampaign(cmd.actor, cmd.data.id);
    return toCampaignView(campaign, { owner: campaign.ownerAgencyId === cmd.actor.orgId });
  }

  async listCampaigns(cmd: Cmd<'list'>) {
    const qb = this.visible(this.dataSource.manager, Campaign, 'c', cmd.actor, 'Campaign', CAMPAIGN_COLUMNS);
    if (cmd.data.query.status) qb.andWhere('c.status = :status', { status: cmd.data.query.status });
    const page = await this.page(qb, 'c', cmd.data.query);
    return {
      items: page.items.map((c) => toCampaignView(c, { owner: c.ownerAgencyId === cmd.actor.orgId })),
      nextCursor: page.nextCursor,
    };
  }

  activateCampaign(cmd: Cmd<'activate'>) {
    return this.moveCampaign(cmd, 'activate', null);
  }

  closeCampaign(cmd: Cmd<'close'>) {
    return this.moveCampaign(cmd, 'close', cmd.data.input.reason);
  }

  cancelCampaign(cmd: Cmd<'cancel'>) {
    return this.moveCampaign(cmd, 'cancel', cmd.data.input.reason);
  }

  async addPartner(cmd: Cmd<'addPartner'>): Promise<CampaignView> {
    const { actor, data } = cmd;
    return this.write(cmd, async (manager) => {
      const campaign = await this.loadCampaignFor(manager, actor, 'update', data.id);
      assertKnownAgencies([{ path: 'agencyId', agencyId: data.input.agencyId }], campaign.ownerAgencyId);
      if (!campaign.partnerAgencyIds.includes(data.input.agencyId))
        campaign.partnerAgencyIds = [...campaign.partnerAgencyIds, data.input.agencyId];
      return this.saveCampaign(
        manager,
        actor,
        campaign,
        'campaign.partner_added',
        { agencyId: data.input.agencyId },
        null,
      );
    });
  }

  // ---- briefs ----

  /** The owning agency's campaign managers brief a campaign that is not over. */
  async createBrief(cmd: Cmd<'briefCreate'>) {
    const { actor, data } = cmd;
    return this.write(cmd, async (manager) => {
      const campaign = await this.loadCampaignFor(manager, actor, 'update', data.id);
      if (campaign.status === 'closed' || campaign.status === 'cancelled') {
        throw new DomainError(
          'campaign.status_transition_forbidden',
          `The campaign is ${campaign.status}; it takes no more briefs`,
          [],
          { from: campaign.status },
        );
      }
      const { window: given, ...input } = data.input;
      const window = given ?? defaultBriefWindow(input.dueAt);
      if (new Date(window.end).getTime() <= new Date(window.start).getTime()) {
        throw new DomainError('validation.failed', 'The window ends before it starts', [
          { path: 'input.window.end', code: 'before_start', message: 'End after the start' },
        ]);
      }
      const brief = manager.create(Brief, {
        id: newId(),
        campaignId: campaign.id,
        ...input,
        dueAt: new Date(input.dueAt),
        windowStart: new Date(window.start),
        windowEnd: new Date(window.end),
        createdBy: actor.userId,
        createdAt: new Date(),
      });
      await manager.insert(Brief, brief);
      await appendAudit(manager, {
        actor,
        action: 'brief.published',
        subject: `campaign:${campaign.id}`,
        data: { briefId: brief.id, kind: brief.kind, quantity: brief.quantity },
      });
      await recordEvent(
        manager,
        EVENTS.tasking.briefPublished,
        actor,
        { briefId: brief.id, campaignId: campaign.id, dueAt: data.input.dueAt },
        cmd.correlationId,
      );
      return toBriefView(brief, { owner: true });
    });
  }

  /** A campaign's briefs, for whoever may see the campaign; fees only for the owning agency. */
  async listBriefs(cmd: Cmd<'briefList'>) {
    const campaign = await this.findCampaign(cmd.actor, cmd.data.id);
    const briefs = await this.dataSource
      .getRepository(Brief)
      .find({ where: { campaignId: campaign.id }, order: { dueAt: 'ASC', id: 'ASC' } });
    return { items: briefs.map((b) => toBriefView(b, { owner: campaign.ownerAgencyId === cmd.actor.orgId })) };
  }

  // ---- joint campaign requests ----

  async createRequest(cmd: Cmd<'requestCreate'>) {
    const { actor, data } = cmd;
    const input = data.input;
    if (
      !abilityFor(actor).can(
        'create',
        subject('CampaignRequest', { fromAgencyId: actor.orgId, toAgencyId: input.toAgencyId }),
      )
    ) {
      throw new DomainError('auth.forbidden', 'Only a partner agency liaison requests joint campaigns');
    }
    assertKnownAgencies([{ path: 'toAgencyId', agencyId: input.toAgencyId }], actor.orgId);
    if (findAgency(input.toAgencyId)?.kind !== 'lead') {
      throw new DomainError('validation.failed', 'Joint campaigns are requested from the lead agency', [
        { path: 'toAgencyId', code: 'not_lead_agency', message: 'Address the lead agency, mcst-ttcs' },
      ]);
    }
    refusePastDue(input.responseDeadline, new Date(), 'responseDeadline');
    return this.write(cmd, async (manager) => {
      const now = new Date();
      const request = manager.create(CampaignRequest, {
        id: newId(),
        fromAgencyId: actor.orgId,
        toAgencyId: input.toAgencyId,
        title: input.title,
        objective: input.objective,
        keyMessages: input.keyMessages,
        proposedStart: input.proposedPeriod.start,
        proposedEnd: input.proposedPeriod.end,
        expectedDeliverables: input.expectedDeliverables,
        responseDeadline: new Date(input.responseDeadline),
        status: 'submitted',
        counterProposal: null,
        campaignId: null,
        history: [{ from: null, to: 'submitted', note: null, at: now.toISOString(), by: actor.userId }],
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
      });
      await manager.insert(CampaignRequest, request);
      await appendAudit(manager, {
        actor,
        action: 'campaign_request.submitted',
        subject: `campaign_request:${request.id}`,
        data: { to: request.toAgencyId, title: request.title },
      });
      await recordEvent(manager, EVENTS.tasking.requestSubmitted, actor, this.requestEvent(request), cmd.correlationId);
      return toCampaignRequestView(request);
    });
  }

  async getRequest(cmd: Cmd<'requestGet'>) {
    return toCampaignRequestView(await this.findRequest(this.dataSource.manager, cmd.actor, cmd.data.id));
  }

  /** The agency's inbox (requests to it) or outbox (requests from it). */
  async listRequests(cmd: Cmd<'requestList'>) {
    const { query } = cmd.data;
    const qb = this.visible(
      this.dataSource.manager,
      CampaignRequest,
      'r',
      cmd.actor,
      'CampaignRequest',
      REQUEST_COLUMNS,
    ).andWhere(query.box === 'inbox' ? 'r.to_agency_id = :org' : 'r.from_agency_id = :org', { org: cmd.actor.orgId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const page = await this.page(qb, 'r', query);
    return { items: page.items.map(toCampaignRequestView), nextCursor: page.nextCursor };
  }

  /**
   * The receiving agency accepts a request, or the requester accepts a
   * counter-proposal; either way the campaign is created with the requester
   * as partner (on the counter-proposal's terms when there is one).
   */
  async acceptRequest(cmd: Cmd<'requestAccept'>) {
    const current = await this.findRequest(this.dataSource.manager, cmd.actor, cmd.data.id);
    const byRequester = current.fromAgencyId === cmd.actor.orgId;
    return this.answer(
      cmd,
      byRequester ? 'accept_counter' : 'accept',
      byRequester ? 'follow_up' : 'answer',
      cmd.data.input.note ?? null,
    );
  }

  async declineRequest(cmd: Cmd<'requestDecline'>) {
    return this.answer(cmd, 'decline', 'answer', cmd.data.input.reason);
  }

  async counterRequest(cmd: Cmd<'requestCounter'>) {
    return this.answer(cmd, 'counter', 'answer', cmd.data.input.message, (request, actor) => {
      request.counterProposal = { ...cmd.data.input, by: actor.userId, at: new Date().toISOString() };
    });
  }

  /** The requester withdraws its request (before acceptance). */
  async withdrawRequest(cmd: Cmd<'requestWithdraw'>) {
    return this.answer(cmd, 'withdraw', 'follow_up', cmd.data.input.note ?? null);
  }

  // ---- helpers ----

  private async answer(
    cmd: Envelope<{ id: string }>,
    move: CampaignRequestMove,
    action: Action,
    note: string | null,
    alsoApply?: (request: CampaignRequest, actor: Actor) => void,
  ) {
    const { actor } = cmd;
    return this.write(cmd, async (manager) => {
      const request = await this.findRequest(manager, actor, cmd.data.id, true);
      if (
        !abilityFor(actor).can(
          action,
          subject('CampaignRequest', { fromAgencyId: request.fromAgencyId, toAgencyId: request.toAgencyId }),
        )
      ) {
        throw new DomainError(
          'auth.forbidden',
          action === 'answer'
            ? "Only the receiving agency's campaign managers answer a request"
            : 'Only the requesting agency follows up its request',
        );
      }
      const to = campaignRequestMachine.move(request.status, move);
      alsoApply?.(request, actor);
      request.history = [
        ...request.history,
        { from: request.status, to, note, at: new Date().toISOString(), by: actor.userId },
      ];
      request.status = to;
      if (to === 'accepted') {
        const terms = request.counterProposal ?? {
          proposedPeriod: { start: request.proposedStart, end: request.proposedEnd },
          keyMessages: undefined,
        };
        // The receiving agency owns the campaign, whoever's acceptance created it.
        const owner: Actor = { ...actor, orgId: request.toAgencyId };
        const campaign = this.newCampaign(
          manager,
          owner,
          {
            title: request.title,
            objective: request.objective,
            keyMessages: terms.keyMessages ?? request.keyMessages,
            requiredHashtags: [],
            platforms: ['tiktok', 'youtube', 'facebook'],
            period: terms.proposedPeriod,
            budget: 0,
            agreementIds: [],
            partnerAgencyIds: [request.fromAgencyId],
            targets: {},
          },
          request.id,
        );
        await manager.insert(Campaign, campaign);
        request.campaignId = campaign.id;
        await appendAudit(manager, {
          actor,
          action: 'campaign.created',
          subject: `campaign:${campaign.id}`,
          data: { fromRequest: request.id },
        });
        await recordEvent(
          manager,
          EVENTS.tasking.campaignCreated,
          actor,
          this.campaignEvent(campaign),
          cmd.correlationId,
        );
      }
      request.version += 1;
      const { id, createdAt: _c, ...changes } = request;
      await manager.update(CampaignRequest, { id }, changes);
      await appendAudit(manager, {
        actor,
        action: `campaign_request.${move}`,
        subject: `campaign_request:${request.id}`,
        reason: note,
        data: { status: to, campaignId: request.campaignId },
      });
      await recordEvent(manager, EVENTS.tasking.requestAnswered, actor, this.requestEvent(request), cmd.correlationId);
      return toCampaignRequestView(request);
    });
  }

  /** The agreements a campaign names, as this service knows them from the agreements service's events. */
  private async fundingAgreements(manager: EntityManager, ids: readonly string[]): Promise<FundingAgreement[]> {
    if (ids.length === 0) return [];
    const rows: { agreement_id: string; agency_id: string; status: AgreementStatusName; budget: string | null }[] =
      await manager.query(
        'SELECT agreement_id, agency_id, status, budget FROM agreement_coverage WHERE agreement_id = ANY($1::uuid[])',
        [[...ids]],
      );
    return rows.map((r) => ({
      agreementId: r.agreement_id,
      agencyId: r.agency_id,
      status: r.status,
      budget: r.budget === null ? null : Number(r.budget),
    }));
  }

  private newCampaign(
    manager: EntityManager,
    actor: Actor,
    input: z.infer<(typeof CampaignCommands)['create']>['input'],
    sourceRequestId: string | null,
  ): Campaign {
    if (input.period.end < input.period.start) {
      throw new DomainError('validation.failed', 'The period ends before it starts', [
        { path: 'period.end', code: 'before_start', message: 'End on or after the start date' },
      ]);
    }
    const now = new Date();
    return manager.create(Campaign, {
      id: newId(),
      ownerAgencyId: actor.orgId,
      partnerAgencyIds: [...new Set(input.partnerAgencyIds)],
      title: input.title,
      objective: input.objective,
      keyMessages: input.keyMessages,
      requiredHashtags: input.requiredHashtags,
      platforms: input.platforms,
      periodStart: input.period.start,
      periodEnd: input.period.end,
      targets: input.targets ?? {},
      budget: input.budget,
      agreementIds: input.agreementIds,
      status: 'planning',
      version: 1,
      sourceRequestId,
      statusHistory: [{ from: null, to: 'planning', reason: null, at: now.toISOString(), by: actor.userId }],
      createdBy: actor.userId,
      createdAt: now,
    });
  }

  private async moveCampaign(
    cmd: Envelope<{ id: string }>,
    move: CampaignMove,
    reason: string | null,
  ): Promise<CampaignView> {
    const { actor } = cmd;
    return this.write(cmd, async (manager) => {
      const campaign = await this.loadCampaignFor(manager, actor, 'change_status', cmd.data.id);
      const to = campaignMachine.move(campaign.status, move);
      campaign.statusHistory = [
        ...campaign.statusHistory,
        { from: campaign.status, to, reason, at: new Date().toISOString(), by: actor.userId },
      ];
      campaign.status = to;
      const view = await this.saveCampaign(manager, actor, campaign, `campaign.${move}`, { status: to }, reason);
      await recordEvent(
        manager,
        EVENTS.tasking.campaignStatusChanged,
        actor,
        this.campaignEvent(campaign),
        cmd.correlationId,
      );
      return view;
    });
  }

  private async saveCampaign(
    manager: EntityManager,
    actor: Actor,
    campaign: Campaign,
    action: string,
    data: Record<string, unknown>,
    reason: string | null,
  ) {
    campaign.version += 1;
    const { id, createdAt: _c, ...changes } = campaign;
    await manager.update(Campaign, { id }, changes);
    await appendAudit(manager, {
      actor,
      action,
      subject: `campaign:${campaign.id}`,
      reason,
      data: { ...data, version: campaign.version },
    });
    return toCampaignView(campaign, { owner: true });
  }

  private campaignEvent(c: Campaign) {
    return {
      campaignId: c.id,
      ownerAgencyId: c.ownerAgencyId,
      partnerAgencyIds: c.partnerAgencyIds,
      status: c.status,
      period: { start: c.periodStart, end: c.periodEnd },
    };
  }

  private requestEvent(r: CampaignRequest) {
    return {
      requestId: r.id,
      fromAgencyId: r.fromAgencyId,
      toAgencyId: r.toAgencyId,
      status: r.status,
      campaignId: r.campaignId,
    };
  }

  private visible<E extends ObjectLiteral>(
    manager: EntityManager,
    entity: new () => E,
    alias: string,
    actor: Actor,
    subjectName: 'Campaign' | 'CampaignRequest',
    columns: Record<string, ColumnSpec>,
  ): SelectQueryBuilder<E> {
    const visibility = toSqlCondition(abilityFor(actor), 'read', subjectName, columns);
    return manager.getRepository(entity).createQueryBuilder(alias).where(visibility.sql, visibility.params);
  }

  private async page<E extends { id: string }>(
    qb: SelectQueryBuilder<E>,
    alias: string,
    query: { limit: number; cursor?: string },
  ) {
    if (query.cursor) qb.andWhere(`${alias}.id < :cid`, { cid: decodeCursor(query.cursor, UUID_POSITION) });
    const rows = await qb
      .orderBy(`${alias}.id`, 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  private async findCampaign(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Campaign> {
    const campaign = await findVisibleCampaign(manager, actor, id, lock);
    if (!campaign) throw new NotFoundError('campaign', id);
    return campaign;
  }

  private async loadCampaignFor(manager: EntityManager, actor: Actor, action: Action, id: string): Promise<Campaign> {
    const campaign = await this.findCampaign(actor, id, manager, true);
    if (
      !abilityFor(actor).can(
        action,
        subject('Campaign', { ownerAgencyId: campaign.ownerAgencyId, partnerAgencyIds: campaign.partnerAgencyIds }),
      )
    ) {
      throw new DomainError('auth.forbidden', "Only the owning agency's campaign managers change a campaign");
    }
    return campaign;
  }

  private async findRequest(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<CampaignRequest> {
    const qb = this.visible(manager, CampaignRequest, 'r', actor, 'CampaignRequest', REQUEST_COLUMNS).andWhere(
      'r.id = :id',
      { id },
    );
    if (lock) qb.setLock('pessimistic_write');
    const request = await qb.getOne();
    if (!request) throw new NotFoundError('campaign request', id);
    return request;
  }

  private async write<R>(cmd: Envelope<unknown>, body: (manager: EntityManager) => Promise<R>): Promise<R> {
    const result = await transactOnce(this.dataSource, cmd, body);
    this.onCommitted();
    return result;
  }
}
