import type { DataSource, EntityManager } from 'typeorm';
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
  type CampaignCommands,
  type CampaignMove,
  type CampaignRequestMove,
  type CampaignView,
  type Envelope,
  recordStatusChange,
} from '@concord/domain';
import { abilityFor, subject, toSqlCondition, type Action, type SqlCondition } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import { CampaignRequest } from './campaign-request.entity';
import { assertMayAsk, assertMayBetweenAgencies } from './between-agencies.permissions';
import { CAMPAIGN_REQUEST_PERMISSION_COLUMNS, type CampaignRequestRepository } from './campaign-request.repository';
import { Campaign } from './campaign.entity';
import { toBriefView, toCampaignRequestView, toCampaignView } from './campaign.mapper';
import { CAMPAIGN_PERMISSION_COLUMNS, type CampaignRepository } from './campaign.repository';
import { Brief } from './brief.entity';
import { newStatusTracked } from '../database/new-status-tracked';

type Cmd<K extends keyof typeof CampaignCommands> = Envelope<z.infer<(typeof CampaignCommands)[K]>>;

/** Which campaigns `actor` may see, as SQL for CampaignRepository's reads (one it may not see is `not_found`). */
export function campaignsVisibleTo(actor: Actor): SqlCondition {
  return toSqlCondition(abilityFor(actor), 'read', 'Campaign', CAMPAIGN_PERMISSION_COLUMNS);
}

/** Which joint campaign requests `actor` may see, as SQL for CampaignRequestRepository's reads. */
function requestsVisibleTo(actor: Actor): SqlCondition {
  return toSqlCondition(abilityFor(actor), 'read', 'CampaignRequest', CAMPAIGN_REQUEST_PERMISSION_COLUMNS);
}

/** The cursor's position (the last id of the page before), if a page follows one. */
function positionOf(cursor: string | undefined): string | undefined {
  return cursor ? decodeCursor(cursor, UUID_POSITION) : undefined;
}

/** One page of `rows` (fetched one past `limit`) and the cursor of the page after, if any. */
function pageOf<E extends { id: string }>(rows: E[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
}

/**
 * Campaigns and joint campaign requests. Every method checks the caller's
 * ability on the object first (what an agency may not see is not found),
 * then rule → persist + audit + outbox event in one transaction.
 */
export class CampaignService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly requests: CampaignRequestRepository,
    private readonly work: UnitOfWork,
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
    return this.work.command(cmd, async (manager) => {
      const campaign = this.newCampaign(manager, actor, data.input, null);
      assertCampaignFunded(campaign, await this.campaigns.fundingAgreements(manager, campaign.agreementIds));
      await this.insertCampaign(manager, actor, campaign, cmd.correlationId, {
        title: campaign.title,
        partners: campaign.partnerAgencyIds,
      });
      return toCampaignView(campaign, { owner: true });
    });
  }

  async getCampaign(cmd: Cmd<'get'>): Promise<CampaignView> {
    const campaign = await this.findCampaign(cmd.actor, cmd.data.id);
    return toCampaignView(campaign, { owner: campaign.ownerAgencyId === cmd.actor.orgId });
  }

  async listCampaigns(cmd: Cmd<'list'>) {
    const { query } = cmd.data;
    const rows = await this.campaigns.list(campaignsVisibleTo(cmd.actor), {
      status: query.status,
      updatedSince: query.updatedSince,
      beforeId: positionOf(query.cursor),
      limit: query.limit,
    });
    const page = pageOf(rows, query.limit);
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
    return this.work.command(cmd, async (manager) => {
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
    return this.work.command(cmd, async (manager) => {
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
    const briefs = await this.campaigns.briefsOf(campaign.id);
    return { items: briefs.map((b) => toBriefView(b, { owner: campaign.ownerAgencyId === cmd.actor.orgId })) };
  }

  // ---- joint campaign requests ----

  async createRequest(cmd: Cmd<'requestCreate'>) {
    const { actor, data } = cmd;
    const input = data.input;
    assertMayAsk(actor, 'CampaignRequest', input.toAgencyId, 'Only a partner agency liaison requests joint campaigns');
    assertKnownAgencies([{ path: 'toAgencyId', agencyId: input.toAgencyId }], actor.orgId);
    if (findAgency(input.toAgencyId)?.kind !== 'lead') {
      throw new DomainError('validation.failed', 'Joint campaigns are requested from the lead agency', [
        { path: 'toAgencyId', code: 'not_lead_agency', message: 'Address the lead agency, mcst-ttcs' },
      ]);
    }
    refusePastDue(input.responseDeadline, new Date(), 'responseDeadline');
    return this.work.command(cmd, async (manager) => {
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
        counterProposal: null,
        campaignId: null,
        ...newStatusTracked('submitted', actor.userId, now),
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
    const rows = await this.requests.list(requestsVisibleTo(cmd.actor), {
      box: query.box,
      orgId: cmd.actor.orgId,
      status: query.status,
      updatedSince: query.updatedSince,
      beforeId: positionOf(query.cursor),
      limit: query.limit,
    });
    const page = pageOf(rows, query.limit);
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
    return this.work.command(cmd, async (manager) => {
      const request = await this.findRequest(manager, actor, cmd.data.id, true);
      assertMayBetweenAgencies(
        actor,
        action,
        'CampaignRequest',
        request,
        action === 'answer'
          ? "Only the receiving agency's campaign managers answer a request"
          : 'Only the requesting agency follows up its request',
      );
      const to = campaignRequestMachine.move(request.status, move);
      alsoApply?.(request, actor);
      recordStatusChange(request, to, actor.userId, note);
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
        await this.insertCampaign(manager, actor, campaign, cmd.correlationId, { fromRequest: request.id });
        request.campaignId = campaign.id;
      }
      await this.requests.saveNextVersion(manager, request);
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
      sourceRequestId,
      ...newStatusTracked('planning', actor.userId, now),
    });
  }

  /** Stores a new campaign with its audit entry (`campaign.created`, with `auditData`) and its event. */
  private async insertCampaign(
    manager: EntityManager,
    actor: Actor,
    campaign: Campaign,
    correlationId: string,
    auditData: Record<string, unknown>,
  ): Promise<void> {
    await manager.insert(Campaign, campaign);
    await appendAudit(manager, {
      actor,
      action: 'campaign.created',
      subject: `campaign:${campaign.id}`,
      data: auditData,
    });
    await recordEvent(manager, EVENTS.tasking.campaignCreated, actor, this.campaignEvent(campaign), correlationId);
  }

  private async moveCampaign(
    cmd: Envelope<{ id: string }>,
    move: CampaignMove,
    reason: string | null,
  ): Promise<CampaignView> {
    const { actor } = cmd;
    return this.work.command(cmd, async (manager) => {
      const campaign = await this.loadCampaignFor(manager, actor, 'change_status', cmd.data.id);
      const to = campaignMachine.move(campaign.status, move);
      recordStatusChange(campaign, to, actor.userId, reason);
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
    await this.campaigns.saveNextVersion(manager, campaign);
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

  private async findCampaign(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Campaign> {
    const campaign = await this.campaigns.findVisible(campaignsVisibleTo(actor), id, { manager, lock });
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
    const request = await this.requests.findVisible(requestsVisibleTo(actor), id, { manager, lock });
    if (!request) throw new NotFoundError('campaign request', id);
    return request;
  }
}
