import { Controller, Inject } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
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

  @Handles(S.fanOutStart)
  fanOutStart(request: RequestFor<typeof S.fanOutStart>) {
    return this.fanOuts.start(request);
  }

  @Handles(S.fanOutGet)
  fanOutGet(request: RequestFor<typeof S.fanOutGet>) {
    return this.fanOuts.get(request);
  }

  @Handles(S.fanOutCancel)
  fanOutCancel(request: RequestFor<typeof S.fanOutCancel>) {
    return this.fanOuts.cancel(request);
  }

  @Handles(S.assignmentList)
  list(request: RequestFor<typeof S.assignmentList>) {
    return this.assignments.list(request);
  }

  @Handles(S.assignmentGet)
  get(request: RequestFor<typeof S.assignmentGet>) {
    return this.assignments.get(request);
  }

  @Handles(S.assignmentRespond)
  respond(request: RequestFor<typeof S.assignmentRespond>) {
    return this.assignments.respond(request);
  }

  @Handles(S.assignmentCancel)
  cancel(request: RequestFor<typeof S.assignmentCancel>) {
    return this.assignments.cancel(request);
  }

  @Handles(S.assignmentProgress)
  progress(request: RequestFor<typeof S.assignmentProgress>) {
    return this.assignments.progress(request);
  }

  @Handles(S.calendar)
  calendar(request: RequestFor<typeof S.calendar>) {
    return this.assignments.calendar(request);
  }
}
