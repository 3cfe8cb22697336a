import {
  findAgency,
  type AgreementEventData,
  type AgreementSummary,
  type AgreementView,
  type PublicPartnership,
} from '@concord/domain';
import type { Agreement } from './agreement.entity';
import type { AgreementDocument } from './agreement-document.entity';

export function toAgreementView(a: Agreement): AgreementView {
  return {
    id: a.id,
    number: a.number,
    agencyId: a.agencyId,
    kind: a.kind,
    counterparty: { id: a.counterpartyId, displayName: a.counterpartyName },
    ...termsOf(a),
    usageRights: a.usageRights,
    status: a.status,
    version: a.version,
    signatures: a.signatures,
    legalReviews: a.legalReviews,
    documents: (a.documents ?? []).map(toDocumentView),
    versions: (a.versions ?? []).map((v) => ({
      version: v.version,
      status: v.status,
      terms: v.terms,
      changes: v.changes,
      reason: v.reason,
      legalReviews: v.legalReviews,
      signatures: v.signatures,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    })),
    milestones: (a.milestones ?? []).map((m) => ({
      id: m.id,
      label: m.label,
      dueDate: m.dueDate,
      amount: m.amount,
      status: m.status,
      paidAt: m.paidAt ? m.paidAt.toISOString() : null,
      paidBy: m.paidBy,
      paymentReference: m.paymentReference,
    })),
    statusHistory: a.statusHistory,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toAgreementSummary(a: Agreement): AgreementSummary {
  const { id, number, kind, counterparty, title, term, budget, status } = toAgreementView(a);
  return { id, number, kind, counterparty, title, term, budget, status };
}

export function toAgreementEvent(a: Agreement, reason: string | null = null): AgreementEventData {
  return {
    agreementId: a.id,
    number: a.number,
    agencyId: a.agencyId,
    counterpartyId: a.counterpartyId,
    status: a.status,
    term: { start: a.termStart, end: a.termEnd },
    deliverables: a.deliverables as AgreementEventData['deliverables'],
    disclosureLabel: a.disclosureLabel,
    budget: a.budget,
    reason,
  };
}

/** Only what the public register shows: no personal data, milestones, signatures or documents. */
export function toPublicPartnership(a: Agreement): PublicPartnership {
  return {
    number: a.number,
    agency: { id: a.agencyId, name: findAgency(a.agencyId)?.name ?? a.agencyId },
    counterparty: { displayName: a.counterpartyName },
    title: a.title,
    term: { start: a.termStart, end: a.termEnd },
    budget: a.budget,
    disclosureLabel: a.disclosureLabel,
    status: a.status as PublicPartnership['status'],
  };
}

/** The terms an agreement is under now, as a version records them. */
export function termsOf(a: Agreement): AgreementView['versions'][number]['terms'] {
  return {
    title: a.title,
    scope: a.scope,
    term: { start: a.termStart, end: a.termEnd },
    budget: a.budget,
    deliverables: a.deliverables as AgreementView['deliverables'],
    disclosureLabel: a.disclosureLabel,
    ...(a.usageRights ? { usageRights: a.usageRights } : {}),
  };
}

export function toDocumentView(d: AgreementDocument) {
  return {
    id: d.id,
    name: d.name,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}
