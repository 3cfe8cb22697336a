import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  AgencyTaskInput,
  AgencyTaskQuery,
  IdParam,
  NoteInput,
  parseOrThrow,
  SUBJECTS,
  type Actor,
} from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { type WriteRequest, requestOptions } from '../http/request-context';
import { ApiAnswers, ApiJsonBody, ApiQueryFrom } from '../openapi/schemas';
import { TaskingClient } from '../services/service-clients';

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
  @ApiOperation({ operationId: 'askAgencyTask', summary: 'Ask another agency for a piece of work, with a due time' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiJsonBody('AgencyTask')
  @ApiAnswers(201, 'AgencyTaskView', [403])
  create(@CurrentActor() actor: Actor, @Req() req: WriteRequest) {
    return this.tasking.request(
      S.taskCreate,
      { input: parseOrThrow(AgencyTaskInput, req.body ?? {}) },
      actor,
      requestOptions(req),
    );
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({
    operationId: 'listAgencyTasks',
    summary: 'Tasks asked of your agency (inbox) or by it (outbox), soonest due first; overdue=true for the late ones',
  })
  @ApiQueryFrom(AgencyTaskQuery)
  @ApiAnswers(200, 'AgencyTaskPage')
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.tasking.request(S.taskList, { query: parseOrThrow(AgencyTaskQuery, raw) }, actor);
  }

  @ServiceDecides()
  @Get(':id')
  @ApiOperation({ operationId: 'getAgencyTask', summary: 'A task with its history' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(200, 'AgencyTaskView')
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
  @ApiJsonBody('Note')
  @ApiAnswers(200, 'AgencyTaskView', [403, 409])
  move(@CurrentActor() actor: Actor, @Req() req: WriteRequest, @Param('id') id: string, @Param('move') move: string) {
    const parsed = parseOrThrow(z.object({ id: IdParam.shape.id, move: Move }), { id, move });
    return this.tasking.request(
      S.taskMove,
      { ...parsed, input: parseOrThrow(NoteInput, req.body ?? {}) },
      actor,
      requestOptions(req),
    );
  }
}
