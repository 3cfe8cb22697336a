import { SUBJECTS } from '@concord/domain';
import { subjectHandler } from '@concord/service-kit';
import { AssignmentService } from './assignment.service';
import { FanOutService } from './fan-out.service';

const S = SUBJECTS.tasking;

/** NATS in, reply out: fan-outs, assignments and the calendar, one line each. */
export const AssignmentHandler = subjectHandler(
  'AssignmentHandler',
  { fanOuts: FanOutService, assignments: AssignmentService },
  {
    [S.fanOutStart]: ({ fanOuts }, request) => fanOuts.start(request),
    [S.fanOutGet]: ({ fanOuts }, request) => fanOuts.get(request),
    [S.fanOutCancel]: ({ fanOuts }, request) => fanOuts.cancel(request),
    [S.assignmentList]: ({ assignments }, request) => assignments.list(request),
    [S.assignmentGet]: ({ assignments }, request) => assignments.get(request),
    [S.assignmentRespond]: ({ assignments }, request) => assignments.respond(request),
    [S.assignmentCancel]: ({ assignments }, request) => assignments.cancel(request),
    [S.assignmentProgress]: ({ assignments }, request) => assignments.progress(request),
    [S.calendar]: ({ assignments }, request) => assignments.calendar(request),
  },
);
