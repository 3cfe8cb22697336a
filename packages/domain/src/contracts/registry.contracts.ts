import { z } from 'zod';
import { EVENTS, SUBJECTS } from '../subjects';
import { CreatorByHandleReply, CreatorByHandleRequest, CreatorSelectReply, CreatorSelectRequest } from './assignment';
import { AUDIT_CONTRACT, AuditCheckpointed } from './audit';
import { HealthCheck, HealthReply } from './common';
import type { Contract, SubjectsOf } from './contract';
import {
  CreatorCommands,
  CreatorPage,
  CreatorView,
  DuplicateDismissal,
  DuplicatePage,
  PersonalDataView,
} from './creator';
import { CreatorRegistered, CreatorStatusChanged, CreatorUpdated } from './creator-events';

const S = SUBJECTS.registry;
const E = EVENTS.registry;

/** Every request-reply subject of the registry, with what it takes and answers. */
export const REGISTRY_CONTRACTS = {
  [S.health]: { request: HealthCheck, reply: HealthReply },
  [S.creatorCreate]: { request: CreatorCommands.create, reply: CreatorView },
  [S.creatorGet]: { request: CreatorCommands.get, reply: CreatorView },
  [S.creatorUpdate]: { request: CreatorCommands.update, reply: CreatorView },
  [S.creatorChangeStatus]: { request: CreatorCommands.changeStatus, reply: CreatorView },
  [S.creatorAddChannel]: { request: CreatorCommands.addChannel, reply: CreatorView },
  [S.creatorAddVetting]: { request: CreatorCommands.addVetting, reply: CreatorView },
  [S.creatorAddTraining]: { request: CreatorCommands.addTraining, reply: CreatorView },
  [S.creatorAddIncident]: { request: CreatorCommands.addIncident, reply: CreatorView },
  [S.creatorReadPersonalData]: { request: CreatorCommands.readPersonalData, reply: PersonalDataView },
  [S.creatorList]: { request: CreatorCommands.list, reply: CreatorPage },
  [S.creatorDuplicates]: { request: CreatorCommands.duplicates, reply: DuplicatePage },
  [S.creatorDismissDuplicate]: { request: CreatorCommands.dismissDuplicate, reply: DuplicateDismissal },
  [S.creatorSelect]: { request: CreatorSelectRequest, reply: CreatorSelectReply },
  [S.creatorByHandle]: { request: CreatorByHandleRequest, reply: CreatorByHandleReply },
  [S.auditList]: AUDIT_CONTRACT.list,
  [S.auditVerify]: AUDIT_CONTRACT.verify,
  [S.auditExport]: AUDIT_CONTRACT.export,
} as const satisfies Record<SubjectsOf<typeof S>, Contract>;

/** Every event of the registry, with its data. */
export const REGISTRY_EVENTS = {
  [E.creatorRegistered]: CreatorRegistered,
  [E.creatorUpdated]: CreatorUpdated,
  [E.creatorStatusChanged]: CreatorStatusChanged,
  [E.auditCheckpointed]: AuditCheckpointed,
} as const satisfies Record<SubjectsOf<typeof E>, z.ZodType>;
