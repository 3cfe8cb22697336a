import type { z } from 'zod';
import { EVENTS, SUBJECTS } from '../subjects';
import {
  AssignmentCommands,
  AssignmentOffered,
  AssignmentPage,
  AssignmentProgress,
  AssignmentStatusChanged,
  AssignmentView,
  CalendarView,
  FanOutEnded,
  FanOutProgressed,
  FanOutView,
} from './assignment';
import { AUDIT_CONTRACT, AuditCheckpointed } from './audit';
import {
  AgencyTaskEventData,
  AgencyTaskPage,
  AgencyTaskView,
  BriefList,
  BriefPublished,
  BriefView,
  CampaignCommands,
  CampaignEventData,
  CampaignPage,
  CampaignRequestEventData,
  CampaignRequestPage,
  CampaignRequestView,
  CampaignView,
} from './campaign';
import { HealthCheck, HealthReply } from './common';
import type { Contract, SubjectsOf } from './contract';

const S = SUBJECTS.tasking;
const E = EVENTS.tasking;
const C = CampaignCommands;
const A = AssignmentCommands;

/** Every request-reply subject of the tasking service, with what it takes and answers. */
export const TASKING_CONTRACTS = {
  [S.health]: { request: HealthCheck, reply: HealthReply },
  [S.campaignCreate]: { request: C.create, reply: CampaignView },
  [S.campaignGet]: { request: C.get, reply: CampaignView },
  [S.campaignList]: { request: C.list, reply: CampaignPage },
  [S.campaignActivate]: { request: C.activate, reply: CampaignView },
  [S.campaignClose]: { request: C.close, reply: CampaignView },
  [S.campaignCancel]: { request: C.cancel, reply: CampaignView },
  [S.campaignAddPartner]: { request: C.addPartner, reply: CampaignView },
  [S.requestCreate]: { request: C.requestCreate, reply: CampaignRequestView },
  [S.requestGet]: { request: C.requestGet, reply: CampaignRequestView },
  [S.requestList]: { request: C.requestList, reply: CampaignRequestPage },
  [S.requestAccept]: { request: C.requestAccept, reply: CampaignRequestView },
  [S.requestDecline]: { request: C.requestDecline, reply: CampaignRequestView },
  [S.requestCounter]: { request: C.requestCounter, reply: CampaignRequestView },
  [S.requestWithdraw]: { request: C.requestWithdraw, reply: CampaignRequestView },
  [S.taskCreate]: { request: C.taskCreate, reply: AgencyTaskView },
  [S.taskGet]: { request: C.taskGet, reply: AgencyTaskView },
  [S.taskList]: { request: C.taskList, reply: AgencyTaskPage },
  [S.taskMove]: { request: C.taskMove, reply: AgencyTaskView },
  [S.briefCreate]: { request: C.briefCreate, reply: BriefView },
  [S.briefList]: { request: C.briefList, reply: BriefList },
  [S.fanOutStart]: { request: A.fanOutStart, reply: FanOutView },
  [S.fanOutGet]: { request: A.fanOutGet, reply: FanOutView },
  [S.fanOutCancel]: { request: A.fanOutCancel, reply: FanOutView },
  [S.assignmentList]: { request: A.list, reply: AssignmentPage },
  [S.assignmentGet]: { request: A.get, reply: AssignmentView },
  [S.assignmentRespond]: { request: A.respond, reply: AssignmentView },
  [S.assignmentCancel]: { request: A.cancel, reply: AssignmentView },
  [S.assignmentProgress]: { request: A.progress, reply: AssignmentProgress },
  [S.calendar]: { request: A.calendar, reply: CalendarView },
  [S.auditList]: AUDIT_CONTRACT.list,
  [S.auditVerify]: AUDIT_CONTRACT.verify,
  [S.auditExport]: AUDIT_CONTRACT.export,
} as const satisfies Record<SubjectsOf<typeof S>, Contract>;

/** Every event of the tasking service, with its data. */
export const TASKING_EVENTS = {
  [E.campaignCreated]: CampaignEventData,
  [E.campaignStatusChanged]: CampaignEventData,
  [E.requestSubmitted]: CampaignRequestEventData,
  [E.requestAnswered]: CampaignRequestEventData,
  [E.taskProposed]: AgencyTaskEventData,
  [E.taskStatusChanged]: AgencyTaskEventData,
  [E.briefPublished]: BriefPublished,
  [E.assignmentOffered]: AssignmentOffered,
  [E.assignmentStatusChanged]: AssignmentStatusChanged,
  [E.fanOutProgressed]: FanOutProgressed,
  [E.fanOutCompleted]: FanOutProgressed,
  [E.fanOutFailed]: FanOutEnded,
  [E.fanOutCancelled]: FanOutEnded,
  [E.auditCheckpointed]: AuditCheckpointed,
} as const satisfies Record<SubjectsOf<typeof E>, z.ZodType>;
