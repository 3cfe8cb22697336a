import type { Schemas } from '../../api/client';

type Creator = Schemas['Creator'];

/** A creator as `GET /v1/creators/{id}` returns it, for specs. */
export const creatorFixture = (overrides: Partial<Creator> = {}): Creator =>
  ({
    id: '0190f1a2-0000-7000-8000-000000000001',
    kind: 'individual',
    displayName: 'Lan Anh Travel',
    status: 'active',
    version: 3,
    channels: [],
    topics: ['tourism', 'cuisine'],
    languages: ['vi', 'en'],
    regions: ['VN-HN'],
    managementCompanyId: null,
    hasPersonalData: true,
    consent: { givenAt: '2026-03-01T00:00:00.000Z', scope: 'registry', evidence: 'form 12/2026' },
    training: [],
    statusHistory: [],
    createdAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  }) as Creator;
