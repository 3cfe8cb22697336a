import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AssignmentCommands, SUBJECTS } from '@concord/domain';
import { readEnvelope } from '@concord/messaging';
import { AssignmentService } from './assignment.service';
import { FanOutService } from './fan-out.service';

const S = SUBJECTS.tasking;

/** NATS in, reply out: fan-outs, assignments and the calendar, one line each. */
@Controller()
export class AssignmentHandler {
  constructor(
    @Inject(FanOutService) private readonly fanOuts: FanOutService,
    @Inject(AssignmentService) private readonly assignments: AssignmentService,
  ) {}

  @MessagePattern(S.fanOutStart)
  fanOutStart(@Payload() m: unknown) {
    return this.fanOuts.start(readEnvelope(m, AssignmentCommands.fanOutStart));
  }

  @MessagePattern(S.fanOutGet)
  fanOutGet(@Payload() m: unknown) {
    return this.fanOuts.get(readEnvelope(m, AssignmentCommands.fanOutGet));
  }

  @MessagePattern(S.fanOutCancel)
  fanOutCancel(@Payload() m: unknown) {
    return this.fanOuts.cancel(readEnvelope(m, AssignmentCommands.fanOutCancel));
  }

  @MessagePattern(S.assignmentList)
  list(@Payload() m: unknown) {
    return this.assignments.list(readEnvelope(m, AssignmentCommands.list));
  }

  @MessagePattern(S.assignmentGet)
  get(@Payload() m: unknown) {
    return this.assignments.get(readEnvelope(m, AssignmentCommands.get));
  }

  @MessagePattern(S.assignmentRespond)
  respond(@Payload() m: unknown) {
    return this.assignments.respond(readEnvelope(m, AssignmentCommands.respond));
  }

  @MessagePattern(S.assignmentCancel)
  cancel(@Payload() m: unknown) {
    return this.assignments.cancel(readEnvelope(m, AssignmentCommands.cancel));
  }

  @MessagePattern(S.assignmentProgress)
  progress(@Payload() m: unknown) {
    return this.assignments.progress(readEnvelope(m, AssignmentCommands.progress));
  }

  @MessagePattern(S.calendar)
  calendar(@Payload() m: unknown) {
    return this.assignments.calendar(readEnvelope(m, AssignmentCommands.calendar));
  }
}
