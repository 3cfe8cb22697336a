import { z } from 'zod';
import { statusChangeSchema } from './status-history';
import { CREATOR_STATUSES } from '../creator/creator-status.machine';
import { DateTime, ExpectedVersion, IdParam, PageQuery, pageOf, QueryBoolean, QueryInt, UpdatedSince } from './common';

export const PLATFORMS = ['tiktok', 'youtube', 'facebook', 'instagram', 'x', 'zalo', 'other'] as const;
export const TOPICS = [
  'tourism',
  'culture',
  'history',
  'policy',
  'cuisine',
  'education',
  'technology',
  'sports',
  'lifestyle',
  'music',
  'environment',
  'defence',
  'diplomacy',
  'health',
  'public_services',
] as const;
export const CREATOR_KINDS = ['individual', 'management_company'] as const;

export const Platform = z.enum(PLATFORMS);
export const Topic = z.enum(TOPICS);
export const CreatorStatus = z.enum(CREATOR_STATUSES);
/** ISO 639-1 language code, lower case. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as vi, en, fr');
/** ISO 3166-1 country or ISO 3166-2 subdivision, e.g. VN or VN-HN. */
export const RegionCode = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'an ISO 3166 code such as VN-HN or FR');

export const ChannelInput = z.object({
  platform: Platform,
  handle: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^@*[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore'),
  url: z.url({ protocol: /^https?$/ }).max(500),
  followers: z.number().int().min(0).max(2_000_000_000),
  verified: z.boolean().default(false),
  verifiedCheckedAt: DateTime.optional(),
});

export const PersonalData = z.object({
  legalName: z.string().trim().min(2).max(200),
  nationalId: z
    .string()
    .regex(/^(\d{9}|\d{12})$/, '9 or 12 digits')
    .optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9]{8,15}$/, 'a phone number such as +84912345678')
    .optional(),
  email: z.email().max(200).optional(),
});

export const Consent = z.object({
  givenAt: DateTime,
  scope: z.string().trim().min(1).max(200),
  evidence: z.string().trim().min(1).max(500),
});

export const RegisterCreatorInput = z.object({
  kind: z.enum(CREATOR_KINDS),
  displayName: z.string().trim().min(2).max(200),
  personalData: PersonalData.nullish(),
  consent: Consent.nullish(),
  channels: z.array(ChannelInput).max(50).default([]),
  topics: z.array(Topic).max(20).default([]),
  languages: z.array(LanguageCode).max(20).default([]),
  regions: z.array(RegionCode).max(50).default([]),
  managementCompanyId: z.uuid().nullish(),
});

export const UpdateCreatorInput = z
  .object({
    displayName: z.string().trim().min(2).max(200),
    personalData: PersonalData.nullable(),
    consent: Consent.nullable(),
    topics: z.array(Topic).max(20),
    languages: z.array(LanguageCode).max(20),
    regions: z.array(RegionCode).max(50),
    managementCompanyId: z.uuid().nullable(),
  })
  .partial();

export const ChangeStatusInput = z.object({
  to: CreatorStatus,
  reason: z.string().trim().min(1).max(1000),
  /** `vetted` without a passed or conditional vetting result: the legal officer only, the reason saying why. */
  override: z.boolean().optional(),
});

export const VettingInput = z.object({
  outcome: z.enum(['passed', 'failed', 'conditional']),
  notes: z.string().trim().min(1).max(4000),
  vettedAt: DateTime.optional(),
});

export const TrainingInput = z.object({
  course: z.string().trim().min(1).max(300),
  completedAt: DateTime,
  hours: z.number().min(0).max(1000).optional(),
});

export const IncidentInput = z.object({
  occurredAt: DateTime,
  severity: z.enum(['low', 'medium', 'high']),
  description: z.string().trim().min(1).max(4000),
  actionTaken: z.string().trim().max(4000).optional(),
});

const Recorded = { id: z.uuid(), recordedAt: z.iso.datetime(), recordedBy: z.string() };

export const ChannelView = z.object({
  id: z.uuid(),
  platform: Platform,
  handle: z.string(),
  url: z.string(),
  followers: z.number().int(),
  verified: z.boolean(),
  verifiedCheckedAt: z.iso.datetime().nullable(),
});

export const CreatorView = z.object({
  id: z.uuid(),
  kind: z.enum(CREATOR_KINDS),
  displayName: z.string(),
  status: CreatorStatus,
  version: z.number().int(),
  channels: z.array(ChannelView),
  topics: z.array(Topic),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  managementCompanyId: z.uuid().nullable(),
  hasPersonalData: z.boolean(),
  consent: Consent.nullable().optional(),
  vetting: z.array(VettingInput.extend({ ...Recorded, vettedAt: z.iso.datetime() })).optional(),
  training: z.array(TrainingInput.extend(Recorded)),
  incidents: z.array(IncidentInput.extend(Recorded)).optional(),
  statusHistory: z.array(
    statusChangeSchema(CreatorStatus).extend({
      /** A creator's status never changes without a reason. */
      reason: z.string(),
      /** Set vetted by the legal officer's override of the vetting record. */
      override: z.boolean().optional(),
    }),
  ),
  /** From the agreements service's events (lead agency only). */
  activeAgreements: z
    .array(
      z.object({
        agreementId: z.uuid(),
        number: z.string(),
        agencyId: z.string(),
        termStart: z.iso.date(),
        termEnd: z.iso.date(),
      }),
    )
    .optional(),
  possibleDuplicates: z.array(z.object({ id: z.uuid(), displayName: z.string(), similarity: z.number() })).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const CreatorSummary = z.object({
  id: z.uuid(),
  kind: z.enum(CREATOR_KINDS),
  displayName: z.string(),
  status: CreatorStatus,
  channels: z.array(ChannelView.pick({ platform: true, handle: true, followers: true, verified: true })),
  topics: z.array(Topic),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  totalFollowers: z.number().int(),
});

export const ListCreatorsQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  topic: Topic.optional(),
  language: LanguageCode.optional(),
  platform: Platform.optional(),
  status: CreatorStatus.optional(),
  minFollowers: QueryInt().optional(),
  verified: QueryBoolean.optional(),
  updatedSince: UpdatedSince.optional(),
  ...PageQuery,
});

export const CreatorPage = pageOf(CreatorSummary);

export const DuplicatesQuery = z.object({
  minSimilarity: z.coerce.number().min(0.3).max(1).default(0.6),
  ...PageQuery,
});

export const DuplicatePair = z.object({
  a: z.object({ id: z.uuid(), displayName: z.string() }),
  b: z.object({ id: z.uuid(), displayName: z.string() }),
  similarity: z.number(),
});
export const DuplicatePage = pageOf(DuplicatePair);

/** A registrar's verdict that two near-equal names are different creators. */
export const DismissDuplicateInput = z.object({
  creatorIds: z.tuple([z.uuid(), z.uuid()]).refine(([a, b]) => a !== b, 'two different creators'),
  reason: z.string().trim().min(1).max(1000),
});

export const DuplicateDismissal = z.object({
  a: z.uuid(),
  b: z.uuid(),
  reason: z.string(),
  dismissedBy: z.string(),
  dismissedAt: z.iso.datetime(),
});

export const PersonalDataQuery = z.object({ reason: z.string().trim().min(3).max(500) });

export const PersonalDataView = z.object({
  legalName: z.string(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

// ---- request payloads carried over NATS (envelope.data) ----

export const CreatorCommands = {
  create: z.object({ input: RegisterCreatorInput }),
  get: IdParam,
  update: IdParam.extend({ expectedVersion: ExpectedVersion, changes: UpdateCreatorInput }),
  changeStatus: IdParam.extend({ input: ChangeStatusInput }),
  addChannel: IdParam.extend({ input: ChannelInput }),
  addVetting: IdParam.extend({ input: VettingInput }),
  addTraining: IdParam.extend({ input: TrainingInput }),
  addIncident: IdParam.extend({ input: IncidentInput }),
  readPersonalData: IdParam.extend({ reason: PersonalDataQuery.shape.reason }),
  list: z.object({ query: ListCreatorsQuery }),
  duplicates: z.object({ query: DuplicatesQuery }),
  dismissDuplicate: z.object({ input: DismissDuplicateInput }),
};

export type PlatformName = z.infer<typeof Platform>;
export type RegisterCreatorInput = z.infer<typeof RegisterCreatorInput>;
export type UpdateCreatorInput = z.infer<typeof UpdateCreatorInput>;
export type ChannelInput = z.infer<typeof ChannelInput>;
export type CreatorView = z.infer<typeof CreatorView>;
export type CreatorSummary = z.infer<typeof CreatorSummary>;
export type ListCreatorsQuery = z.infer<typeof ListCreatorsQuery>;
export type PersonalData = z.infer<typeof PersonalData>;
export type PersonalDataView = z.infer<typeof PersonalDataView>;
export type DuplicatePair = z.infer<typeof DuplicatePair>;
export type DuplicateDismissal = z.infer<typeof DuplicateDismissal>;
