import type { z } from 'zod';
import { EVENTS, SUBJECTS } from '../subjects';
import {
  AgreementCommands,
  AgreementEventData,
  AgreementPage,
  AgreementView,
  BudgetReport,
  DocumentContent,
  PublicPartnershipPage,
} from './agreement';
import { AUDIT_CONTRACT, AuditCheckpointed } from './audit';
import { HealthCheck, HealthReply } from './common';
import type { Contract, SubjectsOf } from './contract';

const S = SUBJECTS.agreements;
const E = EVENTS.agreements;
const C = AgreementCommands;

/** Every request-reply subject of the agreements service, with what it takes and answers. */
export const AGREEMENTS_CONTRACTS = {
  [S.health]: { request: HealthCheck, reply: HealthReply },
  [S.create]: { request: C.create, reply: AgreementView },
  [S.get]: { request: C.get, reply: AgreementView },
  [S.list]: { request: C.list, reply: AgreementPage },
  [S.update]: { request: C.update, reply: AgreementView },
  [S.submitForReview]: { request: C.submitForReview, reply: AgreementView },
  [S.legalDecision]: { request: C.legalDecision, reply: AgreementView },
  [S.sign]: { request: C.sign, reply: AgreementView },
  [S.suspend]: { request: C.suspend, reply: AgreementView },
  [S.resume]: { request: C.resume, reply: AgreementView },
  [S.terminate]: { request: C.terminate, reply: AgreementView },
  [S.addMilestone]: { request: C.addMilestone, reply: AgreementView },
  [S.updateMilestone]: { request: C.updateMilestone, reply: AgreementView },
  [S.payMilestone]: { request: C.payMilestone, reply: AgreementView },
  [S.budget]: { request: C.budget, reply: BudgetReport },
  [S.publicRegister]: { request: C.publicRegister, reply: PublicPartnershipPage },
  [S.amend]: { request: C.amend, reply: AgreementView },
  [S.amendmentDecision]: { request: C.amendmentDecision, reply: AgreementView },
  [S.amendmentSign]: { request: C.amendmentSign, reply: AgreementView },
  [S.addDocument]: { request: C.addDocument, reply: AgreementView },
  [S.getDocument]: { request: C.getDocument, reply: DocumentContent },
  [S.auditList]: AUDIT_CONTRACT.list,
  [S.auditVerify]: AUDIT_CONTRACT.verify,
  [S.auditExport]: AUDIT_CONTRACT.export,
} as const satisfies Record<SubjectsOf<typeof S>, Contract>;

/** Every event of the agreements service, with its data. */
export const AGREEMENTS_EVENTS = {
  [E.approved]: AgreementEventData,
  [E.signed]: AgreementEventData,
  [E.activated]: AgreementEventData,
  [E.suspended]: AgreementEventData,
  [E.ended]: AgreementEventData,
  [E.amended]: AgreementEventData,
  [E.auditCheckpointed]: AuditCheckpointed,
} as const satisfies Record<SubjectsOf<typeof E>, z.ZodType>;
