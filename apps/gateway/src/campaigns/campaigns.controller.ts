import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CampaignQuery, CampaignRequestQuery, parseOrThrow, SUBJECTS, type Actor } from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { type WriteRequest, idOf, requestOptions } from '../http/request-context';
import { RelayedGet, RelayedPost } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, Relays } from '../openapi/schemas';
import { TaskingClient } from '../services/service-clients';

const S = SUBJECTS.tasking;

/** Campaigns: run by the lead agency, visible to their partner agencies. The tasking service checks every permission. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(@Inject(TaskingClient) private readonly tasking: TaskingClient) {}

  @Access('create', 'Campaign')
  @RelayedPost('', S.campaignCreate, {
    status: 201,
    createdAt: '/v1/campaigns/{id}',
    problems: [403, 422],
    operationId: 'createCampaign',
    summary: 'Start planning a campaign (objective, key messages, hashtags, platforms, period, budget)',
    description:
      'Partner agencies must be agencies Concord knows, other than your own (422 `agency.unknown`, at `input.partnerAgencyIds.N`). ' +
      'The agreements named in `agreementIds` fund the campaign: each must be an agreement of your agency in force (signed, active or suspended) ' +
      'and together their budgets must cover the campaign budget (422 `campaign.not_funded`, at `input.agreementIds.N` or `input.budget`). A campaign naming no agreement is not checked.',
  })
  create(@CurrentActor() actor: Actor, @Req() req: WriteRequest, @JsonBody('Campaign') input: BodyOf<'Campaign'>) {
    return this.tasking.request(S.campaignCreate, { input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({ operationId: 'listCampaigns', summary: 'Campaigns your agency runs or is a partner in' })
  @ApiQueryFrom(CampaignQuery)
  @Relays(S.campaignList, 200)
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.campaignList, { query: parseOrThrow(CampaignQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedGet(':id', S.campaignGet, {
    operationId: 'getCampaign',
    summary: 'A campaign (budget and agreements only for the owning agency)',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.campaignGet, { id: idOf(id) }, actor);
  }

  @Access('change_status', 'Campaign')
  @RelayedPost(':id/activate', S.campaignActivate, {
    status: 200,
    problems: [403, 409],
    operationId: 'activateCampaign',
    summary: 'planning → active',
  })
  activate(@CurrentActor() actor: Actor, @Req() req: WriteRequest, @Param('id') id: string) {
    return this.tasking.request(S.campaignActivate, { id: idOf(id) }, actor, requestOptions(req));
  }

  @Access('change_status', 'Campaign')
  @RelayedPost(':id/close', S.campaignClose, {
    status: 200,
    problems: [403, 409],
    operationId: 'closeCampaign',
    summary: 'active → closed, with a reason',
  })
  close(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CampaignReason') input: BodyOf<'CampaignReason'>,
  ) {
    return this.tasking.request(S.campaignClose, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('change_status', 'Campaign')
  @RelayedPost(':id/cancel', S.campaignCancel, {
    status: 200,
    problems: [403, 409],
    operationId: 'cancelCampaign',
    summary: 'planning or active → cancelled, with a reason',
  })
  cancel(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CampaignReason') input: BodyOf<'CampaignReason'>,
  ) {
    return this.tasking.request(S.campaignCancel, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('update', 'Campaign')
  @RelayedPost(':id/briefs', S.briefCreate, {
    status: 201,
    problems: [403, 409],
    operationId: 'createBrief',
    summary: 'Brief a campaign: what to make, on which platforms and languages, by when, how many, for what fee',
  })
  createBrief(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Brief') input: BodyOf<'Brief'>,
  ) {
    return this.tasking.request(S.briefCreate, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedGet(':id/briefs', S.briefList, {
    operationId: 'listBriefs',
    summary: "A campaign's briefs (fees only for the owning agency)",
  })
  listBriefs(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.briefList, { id: idOf(id) }, actor);
  }

  @Access('update', 'Campaign')
  @RelayedPost(':id/partners', S.campaignAddPartner, {
    status: 200,
    problems: [403, 422],
    operationId: 'addCampaignPartner',
    summary: 'Add a partner agency to a campaign',
    description: 'An agency Concord knows, other than the owner (422 `agency.unknown` at `agencyId`).',
  })
  addPartner(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Partner') input: BodyOf<'Partner'>,
  ) {
    return this.tasking.request(S.campaignAddPartner, { id: idOf(id), input }, actor, requestOptions(req));
  }
}

/** Joint campaign requests from partner agencies to the lead agency. */
@ApiTags('campaign requests')
@ApiBearerAuth()
@Controller('v1/campaign-requests')
export class CampaignRequestsController {
  constructor(@Inject(TaskingClient) private readonly tasking: TaskingClient) {}

  @Access('create', 'CampaignRequest')
  @RelayedPost('', S.requestCreate, {
    status: 201,
    createdAt: '/v1/campaign-requests/{id}',
    problems: [403, 422],
    operationId: 'requestJointCampaign',
    summary: 'A partner agency asks the lead agency for a joint campaign',
    description:
      '`toAgencyId` must be an agency Concord knows (422 `agency.unknown`) and the lead agency (400 `validation.failed`, `not_lead_agency`).',
  })
  create(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @JsonBody('CampaignRequest') input: BodyOf<'CampaignRequest'>,
  ) {
    return this.tasking.request(S.requestCreate, { input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({
    operationId: 'listCampaignRequests',
    summary: "Your agency's inbox (requests to it) or outbox (requests from it)",
  })
  @ApiQueryFrom(CampaignRequestQuery)
  @Relays(S.requestList, 200)
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.requestList, { query: parseOrThrow(CampaignRequestQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedGet(':id', S.requestGet, {
    operationId: 'getCampaignRequest',
    summary: 'A joint campaign request, with its counter-proposal and status history',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.requestGet, { id: idOf(id) }, actor);
  }

  @ServiceDecides()
  @RelayedPost(':id/accept', S.requestAccept, {
    status: 200,
    problems: [403, 409],
    operationId: 'acceptCampaignRequest',
    summary: 'The lead agency accepts a request, or the requester accepts a counter-proposal; the campaign is created',
  })
  accept(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Note') input: BodyOf<'Note'>,
  ) {
    return this.tasking.request(S.requestAccept, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('answer', 'CampaignRequest')
  @RelayedPost(':id/decline', S.requestDecline, {
    status: 200,
    problems: [403, 409],
    operationId: 'declineCampaignRequest',
    summary: 'The lead agency declines, with a reason',
  })
  decline(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CampaignReason') input: BodyOf<'CampaignReason'>,
  ) {
    return this.tasking.request(S.requestDecline, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('answer', 'CampaignRequest')
  @RelayedPost(':id/counter', S.requestCounter, {
    status: 200,
    problems: [403, 409],
    operationId: 'counterCampaignRequest',
    summary: 'The lead agency proposes another period or key messages',
  })
  counter(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CounterProposal') input: BodyOf<'CounterProposal'>,
  ) {
    return this.tasking.request(S.requestCounter, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('follow_up', 'CampaignRequest')
  @RelayedPost(':id/withdraw', S.requestWithdraw, {
    status: 200,
    problems: [403, 409],
    operationId: 'withdrawCampaignRequest',
    summary: 'The requester withdraws its request',
  })
  withdraw(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Note') input: BodyOf<'Note'>,
  ) {
    return this.tasking.request(S.requestWithdraw, { id: idOf(id), input }, actor, requestOptions(req));
  }
}
