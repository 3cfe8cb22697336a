import type { BoardAssignment } from './board';

/** An assignment as `GET /v1/assignments` returns it, for specs: change what the spec is about. */
export function assignmentFixture(overrides: Partial<BoardAssignment> & { id: string }): BoardAssignment {
  return {
    briefId: '0190f1a2-0000-7000-8000-0000000000b1',
    campaignId: '0190f1a2-0000-7000-8000-0000000000c1',
    ownerAgencyId: 'mcst-ttcs',
    partnerAgencyIds: [],
    creatorId: '0190f1a2-0000-7000-8000-0000000000d1',
    creatorName: 'Hữu Phước',
    managementCompanyId: null,
    agreementId: '0190f1a2-0000-7000-8000-0000000000e1',
    status: 'offered',
    brief: {
      kind: 'short_video',
      title: 'The signing in 60 seconds',
      keyMessages: [],
      platforms: ['tiktok'],
      languages: ['vi'],
      dueAt: '2026-12-12T10:00:00Z',
      quantity: 1,
    },
    window: { start: '2026-12-11T10:00:00Z', end: '2026-12-12T10:00:00Z' },
    campaign: { title: 'Hanoi Convention', requiredHashtags: [], keyMessages: [] },
    disclosureLabel: null,
    submissionId: null,
    overdue: false,
    flags: [],
    overrides: [],
    statusHistory: [],
    version: 1,
    createdAt: '2026-11-30T00:00:00Z',
    ...overrides,
  };
}
