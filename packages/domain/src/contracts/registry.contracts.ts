import { z } from 'zod';
import { EVENTS, SUBJECTS } from '../subjects';
import { CreatorByHandleReply, CreatorByHandleRequest, CreatorSelectReply, CreatorSelectRequest } from './assignment';
import { AuditCommands, AuditExportPage, AuditPage, AuditVerdict } from './audit';
import {
  CreatorCommands,
  CreatorPage,
  CreatorView,
  DuplicateDismissal,
  DuplicatePage,
  PersonalDataView,
} from './creator';
import { CreatorRegistered, CreatorStatusChanged, CreatorUpdated } from './creator-events';

export interface Contract<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Rep;
}

const S = SUBJECTS.registry;

/** Every request-reply subject of the registry, with what it takes and answers. */
export const REGISTRY_CONTRACTS = {
  [S.health]: { request: z.object({}), reply: z.object({ status: z.literal('ok'), database: z.literal('up') }) },
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
  [S.auditList]: { request: AuditCommands.list, reply: AuditPage },
  [S.auditVerify]: { request: AuditCommands.verify, reply: AuditVerdict },
  [S.auditExport]: { request: AuditCommands.export, reply: AuditExportPage },
} as const satisfies Record<string, Contract>;

export type RegistrySubject = keyof typeof REGISTRY_CONTRACTS;
export type RequestOf<S extends RegistrySubject> = z.input<(typeof REGISTRY_CONTRACTS)[S]['request']>;
export type ReplyOf<S extends RegistrySubject> = z.infer<(typeof REGISTRY_CONTRACTS)[S]['reply']>;

/** Every event of the registry, with its data. */
export const REGISTRY_EVENTS = {
  [EVENTS.registry.creatorRegistered]: CreatorRegistered,
  [EVENTS.registry.creatorUpdated]: CreatorUpdated,
  [EVENTS.registry.creatorStatusChanged]: CreatorStatusChanged,
} as const satisfies Record<string, z.ZodType>;
