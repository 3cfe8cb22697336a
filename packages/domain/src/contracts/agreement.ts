import { z } from 'zod';
import { statusHistorySchema } from './status-history';
import { AGREEMENT_STATUSES } from '../agreement/agreement-status.machine';
import { DateTime, ExpectedVersion, IdParam, Int, IsoDate, PageQuery, pageOf, Period, UpdatedSince } from './common';
import { Platform } from './creator';

export const AGREEMENT_KINDS = ['memorandum', 'service_contract'] as const;
export const AgreementStatus = z.enum(AGREEMENT_STATUSES);

const Deliverables = z.array(z.object({ platform: Platform, quantity: z.number().int().min(1).max(10_000) })).max(20);

/** The terms of an agreement, without defaults: a partial of it changes only what it names. */
export const AgreementTerms = z.object({
  title: z.string().trim().min(3).max(300),
  scope: z.string().trim().min(1).max(10_000),
  term: Period,
  /** State-budget support, in đồng (VND has no minor unit). */
  budget: z.number().int().min(0).max(1_000_000_000_000),
  deliverables: Deliverables,
  /** The label published content must carry, e.g. "#HợpTác cùng Cục TTCS&TTĐN". */
  disclosureLabel: z.string().trim().min(3).max(200),
  usageRights: z
    .object({
      durationMonths: z.number().int().min(0).max(600),
      channels: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
      territories: z
        .array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. VN'))
        .max(50)
        .default([]),
    })
    .optional(),
});

export const CreateAgreementInput = AgreementTerms.extend({
  kind: z.enum(AGREEMENT_KINDS),
  counterpartyId: z.uuid(),
  deliverables: Deliverables.default([]),
});

export const UpdateAgreementInput = AgreementTerms.partial();

export const LegalDecisionInput = z.object({
  decision: z.enum(['approve', 'return']),
  comments: z.string().trim().min(1).max(4000),
});

/** A legal officer's decision; an approval notes a counterparty set vetted by the legal officer's override of its vetting record. */
const LegalReviewView = LegalDecisionInput.extend({
  by: z.string(),
  at: z.iso.datetime(),
  counterpartyVettedByOverride: z.object({ reason: z.string(), by: z.string(), at: z.iso.datetime() }).optional(),
});

export const SignatureInput = z.object({
  party: z.enum(['agency', 'counterparty']),
  signatoryName: z.string().trim().min(2).max(200),
  signedAt: DateTime,
  method: z.enum(['in_person', 'e_signature']),
  reference: z.string().trim().max(200).optional(),
});

export const ReasonInput = z.object({ reason: z.string().trim().min(1).max(2000) });

export const MilestoneInput = z.object({
  label: z.string().trim().min(1).max(200),
  dueDate: IsoDate,
  /** đồng */
  amount: z.number().int().min(1).max(1_000_000_000_000),
});

export const UpdateMilestoneInput = MilestoneInput.partial().extend({ status: z.literal('due').optional() });

export const PaymentInput = z.object({
  paymentReference: z.string().trim().min(1).max(200),
  paidAt: DateTime.optional(),
});

export const MilestoneView = MilestoneInput.extend({
  id: z.uuid(),
  status: z.enum(['planned', 'due', 'paid']),
  paidAt: z.iso.datetime().nullable(),
  paidBy: z.string().nullable(),
  paymentReference: z.string().nullable(),
});

export const BudgetQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const BudgetLine = z.object({ committed: z.number().int(), paid: z.number().int(), remaining: z.number().int() });
export const BudgetReport = z.object({
  year: z.number().int(),
  agencies: z.array(BudgetLine.extend({ agencyId: z.string() })),
  counterparties: z.array(BudgetLine.extend({ counterpartyId: z.uuid(), displayName: z.string() })),
});

/** The kinds of file an agreement may carry, and the bytes each starts with. */
export const DOCUMENT_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { extension: 'png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  'image/jpeg': { extension: 'jpg', magic: [[0xff, 0xd8, 0xff]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
/** Largest document accepted, in bytes. */
export const DOCUMENT_MAX_BYTES = 4 * 1024 * 1024;

// eslint-disable-next-line no-control-regex -- NUL is what this refuses
const FILE_NAME = /^[^\\/\u0000]+$/;

export const DocumentUpload = z.object({
  name: z.string().trim().min(1).max(200).regex(FILE_NAME, 'a file name without slashes'),
  mimeType: z.enum(Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]]),
  contentBase64: z.string().min(1),
});

export const DocumentView = z.object({
  id: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.iso.datetime(),
});

export const DocumentContent = DocumentView.extend({ contentBase64: z.string() });

export const AmendmentInput = z.object({
  changes: UpdateAgreementInput,
  reason: z.string().trim().min(1).max(2000),
});

export const AgreementVersionView = z.object({
  version: z.number().int(),
  status: z.enum(['in_review', 'approved', 'signed', 'returned', 'superseded']),
  terms: AgreementTerms,
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  reason: z.string().nullable(),
  legalReviews: z.array(LegalReviewView),
  signatures: z.array(SignatureInput.extend({ recordedBy: z.string() })),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const AgreementView = z.object({
  id: z.uuid(),
  number: z.string(),
  agencyId: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  counterparty: z.object({ id: z.uuid(), displayName: z.string() }),
  title: z.string(),
  scope: z.string(),
  term: z.object({ start: IsoDate, end: IsoDate }),
  budget: z.number().int(),
  deliverables: z.array(z.object({ platform: Platform, quantity: z.number().int() })),
  disclosureLabel: z.string(),
  usageRights: z
    .object({ durationMonths: z.number().int(), channels: z.array(z.string()), territories: z.array(z.string()) })
    .nullable(),
  status: AgreementStatus,
  version: z.number().int(),
  signatures: z.array(SignatureInput.extend({ recordedBy: z.string() })),
  legalReviews: z.array(LegalReviewView),
  milestones: z.array(MilestoneView),
  documents: z.array(DocumentView),
  /** The signed terms over time; an amendment in progress is the last one. */
  versions: z.array(AgreementVersionView),
  statusHistory: statusHistorySchema(AgreementStatus),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const AgreementSummary = AgreementView.pick({
  id: true,
  number: true,
  kind: true,
  counterparty: true,
  title: true,
  term: true,
  budget: true,
  status: true,
});

export const ListAgreementsQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Words of the number, title or counterparty name; diacritics and case optional, every word must match (e.g. "sao viet", "TTDN-2026-00")',
    ),
  status: AgreementStatus.optional(),
  counterpartyId: z.uuid().optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  updatedSince: UpdatedSince.optional(),
  ...PageQuery,
});

export const AgreementPage = pageOf(AgreementSummary);

/** One row of the public transparency register: what the state pays for, and nothing else. */
export const PublicPartnership = z.object({
  number: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  counterparty: z.object({ displayName: z.string() }),
  title: z.string(),
  term: z.object({ start: IsoDate, end: IsoDate }),
  budget: z.number().int(),
  disclosureLabel: z.string(),
  status: z.enum(['signed', 'active', 'suspended', 'expired', 'terminated']),
});
export const PublicPartnershipQuery = z.object({ ...PageQuery });
export const PublicPartnershipPage = pageOf(PublicPartnership);

export const AgreementCommands = {
  create: z.object({ input: CreateAgreementInput }),
  get: IdParam,
  list: z.object({ query: ListAgreementsQuery }),
  update: IdParam.extend({ expectedVersion: ExpectedVersion, changes: UpdateAgreementInput }),
  submitForReview: IdParam,
  legalDecision: IdParam.extend({ input: LegalDecisionInput }),
  sign: IdParam.extend({ input: SignatureInput }),
  suspend: IdParam.extend({ input: ReasonInput }),
  resume: IdParam.extend({ input: ReasonInput }),
  terminate: IdParam.extend({ input: ReasonInput }),
  addMilestone: IdParam.extend({ input: MilestoneInput }),
  updateMilestone: IdParam.extend({ milestoneId: z.uuid(), input: UpdateMilestoneInput }),
  payMilestone: IdParam.extend({ milestoneId: z.uuid(), input: PaymentInput }),
  budget: z.object({ query: BudgetQuery }),
  publicRegister: z.object({ query: PublicPartnershipQuery }),
  amend: IdParam.extend({ input: AmendmentInput }),
  amendmentDecision: IdParam.extend({ version: Int(2), input: LegalDecisionInput }),
  amendmentSign: IdParam.extend({ version: Int(2), input: SignatureInput }),
  addDocument: IdParam.extend({ input: DocumentUpload }),
  getDocument: IdParam.extend({ documentId: z.uuid() }),
};

export const AgreementEventData = z.object({
  agreementId: z.uuid(),
  number: z.string(),
  agencyId: z.string(),
  counterpartyId: z.uuid(),
  status: AgreementStatus,
  term: z.object({ start: IsoDate, end: IsoDate }),
  /** What the agreement delivers per platform (its quota); absent in events older than this field. */
  deliverables: z.array(z.object({ platform: Platform, quantity: z.number().int() })).default([]),
  /** The label content under it must carry; absent in events older than this field. */
  disclosureLabel: z.string().nullable().default(null),
  /** đồng (what campaigns drawing on the agreement may spend); absent in events older than this field. */
  budget: z.number().int().nullable().default(null),
  reason: z.string().nullable(),
});

export type CreateAgreementInput = z.infer<typeof CreateAgreementInput>;
export type AgreementView = z.infer<typeof AgreementView>;
export type AgreementSummary = z.infer<typeof AgreementSummary>;
export type ListAgreementsQuery = z.infer<typeof ListAgreementsQuery>;
export type AgreementEventData = z.infer<typeof AgreementEventData>;
export type PublicPartnership = z.infer<typeof PublicPartnership>;
