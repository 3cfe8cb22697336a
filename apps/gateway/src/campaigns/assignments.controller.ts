import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AssignmentQuery, CalendarQuery, FanOutQuery, parseOrThrow, SUBJECTS, type Actor } from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { ServiceDecides } from '../auth/access.decorators';
import { type WriteRequest, idOf, requestOptions } from '../http/request-context';
import { RelayedGet, RelayedPost } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, IdempotencyHeader, Relays } from '../openapi/schemas';
import { TaskingClient } from '../services/service-clients';
import { CreatedAt } from '../http/location';

const S = SUBJECTS.tasking;

/**
 * Briefs reach creators: a fan-out offers a brief to many creators at once;
 * creators accept or decline their assignments; the calendar shows who is
 * booked when. The tasking service checks every permission.
 */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('v1')
export class AssignmentsController {
  constructor(@Inject(TaskingClient) private readonly tasking: TaskingClient) {}

  @ServiceDecides()
  @Post('briefs/:id/assignments')
  @HttpCode(201)
  @CreatedAt('/v1/fan-outs/{id}')
  @ApiOperation({
    operationId: 'fanOutBrief',
    summary:
      'Offer a brief to creators (by id, or every creator a registry filter finds); per creator: offered, or skipped with the reason',
    description:
      'Answers with the finished result when the fan-out is done within a couple of seconds, otherwise with its progress (status running): poll GET /v1/fan-outs/{id}. Safe to retry with the same Idempotency-Key: nothing is offered twice.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the brief' })
  @IdempotencyHeader
  @Relays(S.fanOutStart, 201, [403, 409])
  fanOut(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('FanOut') input: BodyOf<'FanOut'>,
  ) {
    return this.tasking.request(S.fanOutStart, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get('fan-outs/:id')
  @ApiOperation({
    operationId: 'getFanOut',
    summary: "A fan-out's progress and its per-creator results, a page at a time",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQueryFrom(FanOutQuery)
  @Relays(S.fanOutGet, 200)
  getFanOut(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() raw: unknown) {
    return this.tasking.request(S.fanOutGet, { id: idOf(id), query: parseOrThrow(FanOutQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedPost('fan-outs/:id/cancel', S.fanOutCancel, {
    status: 200,
    problems: [403, 409],
    operationId: 'cancelFanOut',
    summary:
      'A campaign manager of the owning agency stops a running fan-out, with a reason: the offers made so far stay, no more are made',
  })
  cancelFanOut(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CampaignReason') input: BodyOf<'CampaignReason'>,
  ) {
    return this.tasking.request(S.fanOutCancel, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get('assignments')
  @ApiOperation({
    operationId: 'listAssignments',
    summary: 'Assignments you may see: a creator’s own (mine=true), or a campaign’s, a brief’s, a creator’s',
  })
  @ApiQueryFrom(AssignmentQuery)
  @Relays(S.assignmentList, 200)
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.assignmentList, { query: parseOrThrow(AssignmentQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedGet('assignments/:id', S.assignmentGet, {
    operationId: 'getAssignment',
    summary:
      'An assignment, with its brief, window, status history and flags (fees only for the owning agency and the creator)',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.assignmentGet, { id: idOf(id) }, actor);
  }

  @ServiceDecides()
  @RelayedPost('assignments/:id/accept', S.assignmentRespond, {
    status: 200,
    problems: [403, 409],
    operationId: 'acceptAssignment',
    summary: 'The creator accepts their offer',
  })
  accept(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Note') input: BodyOf<'Note'>,
  ) {
    return this.respond('accept', actor, req, id, input);
  }

  @ServiceDecides()
  @RelayedPost('assignments/:id/decline', S.assignmentRespond, {
    status: 200,
    problems: [403, 409],
    operationId: 'declineAssignment',
    summary: 'The creator declines their offer (a note is welcome, never required)',
  })
  decline(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Note') input: BodyOf<'Note'>,
  ) {
    return this.respond('decline', actor, req, id, input);
  }

  /** The creator's answer to their offer (accept and decline are one command to the service). */
  private respond(move: 'accept' | 'decline', actor: Actor, req: WriteRequest, id: string, input: BodyOf<'Note'>) {
    return this.tasking.request(S.assignmentRespond, { id: idOf(id), move, input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedPost('assignments/:id/cancel', S.assignmentCancel, {
    status: 200,
    problems: [403, 409],
    operationId: 'cancelAssignment',
    summary: 'The owning agency cancels an assignment whose content is not yet submitted, with a reason',
  })
  cancel(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('CampaignReason') input: BodyOf<'CampaignReason'>,
  ) {
    return this.tasking.request(S.assignmentCancel, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @RelayedGet('campaigns/:id/assignment-progress', S.assignmentProgress, {
    operationId: 'getAssignmentProgress',
    summary: "How a campaign's assignments stand, by state (for the owning and partner agencies)",
  })
  progress(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.assignmentProgress, { id: idOf(id) }, actor);
  }

  @ServiceDecides()
  @Get('calendar')
  @ApiOperation({
    operationId: 'getCalendar',
    summary:
      'Campaigns, due briefs and assignments between two dates, as far as you may see them (a creator: their own assignments)',
  })
  @ApiQueryFrom(CalendarQuery)
  @Relays(S.calendar, 200)
  calendar(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.calendar, { query: parseOrThrow(CalendarQuery, raw) }, actor);
  }
}
