import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AgencyTaskQuery, IdParam, parseOrThrow, SUBJECTS, type Actor } from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { type WriteRequest, requestOptions } from '../http/request-context';
import { RelayedGet } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, Relays } from '../openapi/schemas';
import { TaskingClient } from '../services/service-clients';
import { CreatedAt } from '../http/location';

const S = SUBJECTS.tasking;
const Move = z.enum(['accept', 'decline', 'start', 'complete', 'cancel']);

/** Agency tasks: one agency asks another for a piece of work. */
@ApiTags('agency tasks')
@ApiBearerAuth()
@Controller('v1/tasks')
export class TasksController {
  constructor(@Inject(TaskingClient) private readonly tasking: TaskingClient) {}

  @Access('create', 'AgencyTask')
  @Post()
  @HttpCode(201)
  @CreatedAt('/v1/tasks/{id}')
  @ApiOperation({ operationId: 'askAgencyTask', summary: 'Ask another agency for a piece of work, with a due time' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Relays(S.taskCreate, 201, [403])
  create(@CurrentActor() actor: Actor, @Req() req: WriteRequest, @JsonBody('AgencyTask') input: BodyOf<'AgencyTask'>) {
    return this.tasking.request(S.taskCreate, { input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({
    operationId: 'listAgencyTasks',
    summary: 'Tasks asked of your agency (inbox) or by it (outbox), soonest due first; overdue=true for the late ones',
  })
  @ApiQueryFrom(AgencyTaskQuery)
  @Relays(S.taskList, 200)
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.taskList, { query: parseOrThrow(AgencyTaskQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedGet(':id', S.taskGet, { operationId: 'getAgencyTask', summary: 'A task with its status history' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.tasking.request(S.taskGet, { id: parseOrThrow(IdParam, { id }).id }, actor);
  }

  @ServiceDecides()
  @Post(':id/:move')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'moveAgencyTask',
    summary: 'accept | decline | start | complete (the asked agency) or cancel (the asking agency)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'move', enum: Move.options })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @Relays(S.taskMove, 200, [403, 409])
  move(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Param('move') move: string,
    @JsonBody('Note') input: BodyOf<'Note'>,
  ) {
    const parsed = parseOrThrow(z.object({ id: IdParam.shape.id, move: Move }), { id, move });
    return this.tasking.request(S.taskMove, { ...parsed, input }, actor, requestOptions(req));
  }
}
