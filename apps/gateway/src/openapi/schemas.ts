import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import {
  AuditPage,
  AuditVerdicts,
  ExportedLink,
  SignedCheckpointSchema,
  ChangeStatusInput,
  ChannelInput,
  CreatorPage,
  CreatorView,
  DismissDuplicateInput,
  DuplicateDismissal,
  DuplicatePage,
  ExpectedVersion,
  IncidentInput,
  PersonalDataView,
  RegisterCreatorInput,
  TrainingInput,
  UpdateCreatorInput,
  VettingInput,
  AgreementPage,
  AgreementView,
  AmendmentInput,
  BudgetReport,
  CreateAgreementInput,
  LegalDecisionInput,
  MilestoneInput,
  PaymentInput,
  ReasonInput,
  PublicPartnershipPage,
  SignatureInput,
  UpdateAgreementInput,
  UpdateMilestoneInput,
  CampaignInput,
  CampaignPage,
  CampaignReasonInput,
  CampaignRequestInput,
  CampaignRequestPage,
  CampaignRequestView,
  CampaignView,
  CounterProposalInput,
  NoteInput,
  PartnerInput,
  AgencyTaskInput,
  AgencyTaskPage,
  AgencyTaskView,
  BriefInput,
  BriefList,
  BriefView,
  FanOutInput,
  FanOutView,
  AssignmentView,
  AssignmentPage,
  AssignmentProgress,
  CalendarView,
  SubmissionInput,
  VersionInput,
  CommentInput,
  DecisionInput,
  OverrideInput,
  WithdrawInput,
  PublicationInput,
  MetricsInput,
  MetricsView,
  WorkflowInput,
  SubmissionView,
  ReviewPage,
  DiffView,
  CampaignReport,
  WorkflowView,
  WorkflowConsentView,
  CONTRACTS,
  type Subject,
} from '@concord/domain';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().meta({ description: 'Stable error code, e.g. creator.channel_taken' }),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  requestId: z
    .string()
    .optional()
    .meta({ description: "The request's id, as in the X-Request-Id header: quote it to support" }),
});

const Me = z.object({
  user: z.object({ id: z.string(), name: z.string().optional() }),
  /** The caller's agency; null for a creator, who acts for themselves. */
  agency: z
    .object({ id: z.string(), name: z.string(), nameVi: z.string(), kind: z.enum(['lead', 'partner']) })
    .nullable(),
  /** Only for a creator (or management company) signed in: their registry record. */
  creator: z.object({ id: z.uuid(), displayName: z.string() }).optional(),
  roles: z.array(z.string()),
});
export type MeView = z.infer<typeof Me>;

/**
 * The zod contracts of `@concord/domain`, named as OpenAPI components: the
 * same schema validates a request and documents it (a request body through
 * `@JsonBody(name)`, json-body.decorator.ts). Request bodies are described
 * as the API takes them (defaults optional), responses as it answers.
 */
export const REQUEST_SCHEMAS = {
  RegisterCreator: RegisterCreatorInput,
  UpdateCreator: UpdateCreatorInput.extend({ expectedVersion: ExpectedVersion.optional() }).strict(),
  ChangeCreatorStatus: ChangeStatusInput,
  AddChannel: ChannelInput,
  AddVetting: VettingInput,
  AddTraining: TrainingInput,
  AddIncident: IncidentInput,
  DismissDuplicate: DismissDuplicateInput,
  DevTokenRequest: z.object({
    username: z.string().min(1).meta({
      description:
        'A seeded user (GET /v1/auth/dev-users), or creator@<handle> for the creator owning a registered channel with that handle',
    }),
  }),
  CreateAgreement: CreateAgreementInput,
  UpdateAgreement: UpdateAgreementInput.extend({ expectedVersion: ExpectedVersion.optional() }).strict(),
  LegalDecision: LegalDecisionInput,
  Signature: SignatureInput,
  Reason: ReasonInput,
  Milestone: MilestoneInput,
  UpdateMilestone: UpdateMilestoneInput,
  Payment: PaymentInput,
  Amendment: AmendmentInput,
  Campaign: CampaignInput,
  CampaignReason: CampaignReasonInput,
  Partner: PartnerInput,
  CampaignRequest: CampaignRequestInput,
  CounterProposal: CounterProposalInput,
  Note: NoteInput,
  AgencyTask: AgencyTaskInput,
  Brief: BriefInput,
  FanOut: FanOutInput,
  Submission: SubmissionInput,
  Version: VersionInput,
  Comment: CommentInput,
  Decision: DecisionInput,
  Override: OverrideInput,
  Withdraw: WithdrawInput,
  Publication: PublicationInput,
  Metrics: MetricsInput,
  Workflow: WorkflowInput,
} as const;

export const RESPONSE_SCHEMAS = {
  Creator: CreatorView,
  CreatorPage,
  DuplicatePage,
  DuplicateDismissal,
  PersonalData: PersonalDataView,
  AuditPage,
  AuditVerdict: AuditVerdicts,
  AuditExportLine: ExportedLink,
  AuditCheckpoints: z.object({ checkpoints: z.array(SignedCheckpointSchema) }),
  AuditPublicKeys: z.record(z.string(), z.array(z.string())).meta({
    description:
      "Each service's Ed25519 audit public keys, 32 bytes base64 each, oldest first: the last signs now, the ones before it signed the chain before a rotation",
  }),
  Agreement: AgreementView,
  AgreementPage,
  BudgetReport,
  PublicPartnershipPage,
  CampaignView,
  CampaignPage,
  CampaignRequestView,
  CampaignRequestPage,
  AgencyTaskView,
  AgencyTaskPage,
  BriefView,
  BriefList,
  FanOutView,
  AssignmentView,
  AssignmentPage,
  AssignmentProgress,
  CalendarView,
  SubmissionView,
  ReviewPage,
  DiffView,
  CampaignReport,
  WorkflowView,
  WorkflowConsentView,
  MetricsView,
  Problem,
  Me,
  DevToken: z.object({ token: z.string() }),
  DevUsers: z.array(
    z.object({ username: z.string(), name: z.string(), orgId: z.string(), roles: z.array(z.string()) }),
  ),
  Health: z.object({
    status: z.string(),
    info: z.record(z.string(), z.unknown()).optional(),
    error: z.record(z.string(), z.unknown()).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
} as const;

type SchemaObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as SchemaObject;
  return rest;
}

export function openApiComponents(): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) out[name] = jsonSchema(schema, 'input');
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) out[name] = jsonSchema(schema, 'output');
  return out;
}

/** A reference to one of the components above. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A route that answers what `subject` answers, as it is: its documented success response is the subject's reply schema
 * in the contract map (CONTRACTS), so the document cannot say something else than the service answers. Every reply
 * schema a route relays is a named component of RESPONSE_SCHEMAS; one that is not fails when the module loads.
 */
export function Relays(subject: Subject, status: number, problems: number[] = []) {
  return ApiAnswers(status, componentOf(CONTRACTS[subject].reply, subject), problems);
}

function componentOf(schema: z.ZodType, subject: Subject): keyof typeof RESPONSE_SCHEMAS {
  const names = Object.keys(RESPONSE_SCHEMAS) as (keyof typeof RESPONSE_SCHEMAS)[];
  const name = names.find((n) => RESPONSE_SCHEMAS[n] === schema);
  if (!name) throw new Error(`The reply schema of ${subject} is not among the named responses (RESPONSE_SCHEMAS)`);
  return name;
}

/** A success response, plus the problem responses every route can give. */
export function ApiAnswers(status: number, name: keyof typeof RESPONSE_SCHEMAS, problems: number[] = []) {
  return applyDecorators(
    ApiResponse({ status, schema: schemaRef(name) }),
    ...[400, 401, 404, ...problems].map((s) =>
      ApiResponse({
        status: s,
        description: 'Problem details (RFC 9457)',
        content: { 'application/problem+json': { schema: schemaRef('Problem') } },
      }),
    ),
  );
}

/** One query parameter per field of a zod object, typed from its schema. */
export function ApiQueryFrom(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({
        name,
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(field as z.ZodType, 'input'),
      }),
    ),
  );
}

/** Every write takes an Idempotency-Key. */
export const IdempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retry-safe writes: the same key and body return the first result',
});
