import { Controller, Get, Header, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DiffQuery, parseOrThrow, ReviewQuery, SUBJECTS, type Actor } from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { csvRow } from '../http/csv';
import { type WriteRequest, idOf, requestOptions } from '../http/request-context';
import { RelayedGet, RelayedPost } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, IdempotencyHeader, Relays } from '../openapi/schemas';
import { ApprovalsClient } from '../services/service-clients';
import { CreatedAt } from '../http/location';

const S = SUBJECTS.approvals;
const REPORT_COLUMNS = ['section', 'key', 'name', 'publications', 'views', 'likes', 'comments', 'shares'];

/**
 * Content review: creators submit versions for their assignments, reviewers
 * of each stage decide, legal overrides failed checks; then the publication
 * and its reach. The approvals service checks every permission.
 */
@ApiTags('content approval')
@ApiBearerAuth()
@Controller('v1')
export class ApprovalsController {
  constructor(@Inject(ApprovalsClient) private readonly approvals: ApprovalsClient) {}

  @Access('submit', 'Submission')
  @Post('assignments/:id/submissions')
  @HttpCode(201)
  @CreatedAt('/v1/submissions/{id}')
  @ApiOperation({
    operationId: 'submitContent',
    summary: 'The creator submits content for an accepted assignment: checked at once, then reviewed stage by stage',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the assignment' })
  @IdempotencyHeader
  @Relays(S.submit, 201, [403, 409])
  submit(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Submission') input: BodyOf<'Submission'>,
  ) {
    return this.approvals.request(S.submit, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('submit', 'Submission')
  @RelayedPost('submissions/:id/versions', S.addVersion, {
    status: 201,
    createdAt: '/v1/submissions/{id}',
    problems: [403, 409],
    operationId: 'addSubmissionVersion',
    summary: 'A new version after changes were asked for; the review starts again',
  })
  addVersion(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Version') input: BodyOf<'Version'>,
  ) {
    return this.approvals.request(S.addVersion, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedGet('submissions/:id', S.get, {
    operationId: 'getSubmission',
    summary: 'A submission: versions with their check results, comments, decisions, publication, timeline',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.approvals.request(S.get, { id: idOf(id) }, actor);
  }

  @ServiceDecides()
  @Get('submissions/:id/diff')
  @ApiOperation({ operationId: 'diffSubmissionVersions', summary: 'What changed between two versions, word by word' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQueryFrom(DiffQuery)
  @Relays(S.diff, 200)
  diff(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() raw: unknown) {
    return this.approvals.request(S.diff, { id: idOf(id), query: parseOrThrow(DiffQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedPost('submissions/:id/comments', S.comment, {
    status: 201,
    createdAt: '/v1/submissions/{id}',
    problems: [403],
    operationId: 'commentSubmission',
    summary: 'Comment on a version, optionally on a text range or in reply; addressed to the creator or internal',
  })
  comment(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Comment') input: BodyOf<'Comment'>,
  ) {
    return this.approvals.request(S.comment, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedPost('submissions/:id/decisions', S.decide, {
    status: 200,
    problems: [403, 409],
    operationId: 'decideSubmission',
    summary:
      "A reviewer of the stage's agency and role approves, asks for changes or rejects (naming the stage and version decided on)",
  })
  decide(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Decision') input: BodyOf<'Decision'>,
  ) {
    return this.approvals.request(S.decide, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('override', 'Submission')
  @RelayedPost('submissions/:id/overrides', S.override, {
    status: 200,
    problems: [403],
    operationId: 'overrideCheck',
    summary: 'A legal officer lets a failing check pass for the current version, with a reason',
  })
  override(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Override') input: BodyOf<'Override'>,
  ) {
    return this.approvals.request(S.override, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('submit', 'Submission')
  @RelayedPost('submissions/:id/withdraw', S.withdraw, {
    status: 200,
    problems: [403, 409],
    operationId: 'withdrawSubmission',
    summary: 'The creator withdraws their submission before it is decided',
  })
  withdraw(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Withdraw') input: BodyOf<'Withdraw'>,
  ) {
    return this.approvals.request(S.withdraw, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get('reviews')
  @ApiOperation({
    operationId: 'listReviews',
    summary:
      'What waits for review at your agency, soonest due first (mine=true: your roles; admins also get escalated stages, first)',
  })
  @ApiQueryFrom(ReviewQuery)
  @Relays(S.reviews, 200)
  reviews(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.approvals.request(S.reviews, { query: parseOrThrow(ReviewQuery, raw) }, actor);
  }

  @Access('publish', 'Submission')
  @RelayedPost('submissions/:id/publication', S.publish, {
    status: 201,
    createdAt: '/v1/submissions/{id}',
    problems: [403, 409, 422],
    operationId: 'recordPublication',
    summary: "Where and when approved content went out: on the platform and one of the creator's registered channels",
  })
  publish(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Publication') input: BodyOf<'Publication'>,
  ) {
    return this.approvals.request(S.publish, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('publish', 'Submission')
  @RelayedPost('publications/:id/metrics', S.metrics, {
    status: 201,
    problems: [403, 409],
    operationId: 'reportMetrics',
    summary: "A publication's reach at a moment (views, likes, comments, shares as the platform shows them)",
    description:
      'Counters are cumulative and only grow: figures below the reading before (or above the one after) are refused with 409 `metrics.counter_decreased`, ' +
      'which carries `previous` (or `next`) and `sent` and names each counter in `errors[]`. To replace wrong figures, send them with `correction: { reason }`; the reason is stored and audited.',
  })
  metrics(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Metrics') input: BodyOf<'Metrics'>,
  ) {
    return this.approvals.request(S.metrics, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedGet('campaigns/:id/report', S.report, {
    operationId: 'getCampaignReport',
    summary: "A campaign's reach per platform, per creator and per day, against its targets",
  })
  report(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.approvals.request(S.report, { id: idOf(id) }, actor);
  }

  @ServiceDecides()
  @Get('campaigns/:id/report.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="concord-campaign-report.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    operationId: 'downloadCampaignReport',
    summary: 'The same report as CSV (UTF-8): one line per platform, per creator and per day',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  async reportCsv(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<string> {
    const r = await this.approvals.request(S.report, { id: idOf(id) }, actor);
    const lines = [
      REPORT_COLUMNS.join(','),
      csvRow([
        'total',
        '',
        '',
        r.totals.publications,
        r.totals.views,
        r.totals.likes,
        r.totals.comments,
        r.totals.shares,
      ]),
    ];
    for (const p of r.byPlatform)
      lines.push(csvRow(['platform', p.platform, p.platform, p.publications, p.views, p.likes, p.comments, p.shares]));
    for (const c of r.byCreator)
      lines.push(
        csvRow(['creator', c.creatorId, c.creatorName, c.publications, c.views, c.likes, c.comments, c.shares]),
      );
    for (const d of r.byDay) lines.push(csvRow(['day', d.day, d.day, null, d.views, d.likes, d.comments, d.shares]));
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  @ServiceDecides()
  @RelayedGet('campaigns/:id/workflow', S.workflowGet, {
    operationId: 'getReviewWorkflow',
    summary: "The campaign's review stages (the default until its agency sets one)",
  })
  workflow(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.approvals.request(S.workflowGet, { id: idOf(id) }, actor);
  }

  @Access('update', 'Campaign')
  @Put('campaigns/:id/workflow')
  @ApiOperation({
    operationId: 'setReviewWorkflow',
    summary: "Set the campaign's review stages; submissions already made keep theirs",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @IdempotencyHeader
  @Relays(S.workflowSet, 200, [403, 422])
  setWorkflow(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Workflow') input: BodyOf<'Workflow'>,
  ) {
    return this.approvals.request(S.workflowSet, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('consent', 'Campaign')
  @RelayedPost('campaigns/:id/workflow/consent', S.workflowConsent, {
    status: 201,
    problems: [403],
    operationId: 'consentToReviewWorkflow',
    summary:
      "A partner agency agrees to a joint campaign's workflow that leaves out its review: the owning agency may then set exactly these stages",
  })
  consentToWorkflow(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Workflow') input: BodyOf<'Workflow'>,
  ) {
    return this.approvals.request(S.workflowConsent, { id: idOf(id), input }, actor, requestOptions(req));
  }
}
