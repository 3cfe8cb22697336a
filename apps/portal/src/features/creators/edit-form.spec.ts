import { describe, expect, it } from '@jest/globals';
import { creatorFixture } from './creator-fixture';
import {
  buildUpdate,
  changedFields,
  draftFromCreator,
  ifMatchOf,
  rebaseDraft,
  UPDATE_FIELDS,
  validateUpdate,
} from './edit-form';

describe('the creator edit form (payload)', () => {
  it('fills the form with the creator as read, and sends nothing when nothing changed', () => {
    const creator = creatorFixture();
    const draft = draftFromCreator(creator);
    expect(draft).toMatchObject({
      displayName: 'Lan Anh Travel',
      languages: 'vi, en',
      regions: 'VN-HN',
      consentGivenAt: '2026-03-01',
      consentScope: 'registry',
    });
    expect(buildUpdate(draft, creator)).toEqual({});
    // Topics ticked in another order are the same topics.
    expect(buildUpdate({ ...draft, topics: ['cuisine', 'tourism'] }, creator)).toEqual({});
  });

  it('sends only what changed, trimmed and written as the API expects', () => {
    const creator = creatorFixture();
    const draft = {
      ...draftFromCreator(creator),
      displayName: '  Lan Anh Travel Official ',
      languages: 'VI; fr',
      regions: 'vn-hn, vn-sg',
    };
    expect(buildUpdate(draft, creator)).toEqual({
      displayName: 'Lan Anh Travel Official',
      languages: ['vi', 'fr'],
      regions: ['VN-HN', 'VN-SG'],
    });
  });

  it('removes the consent when its fields are emptied, changes it when one is edited, and never sends it when hidden', () => {
    const creator = creatorFixture();
    const draft = draftFromCreator(creator);
    expect(buildUpdate({ ...draft, consentGivenAt: '', consentScope: '', consentEvidence: '' }, creator)).toEqual({
      consent: null,
    });
    expect(buildUpdate({ ...draft, consentScope: 'registry, campaigns' }, creator)).toEqual({
      consent: { givenAt: '2026-03-01T00:00:00Z', scope: 'registry, campaigns', evidence: 'form 12/2026' },
    });
    const hidden = creatorFixture({ consent: undefined });
    expect(buildUpdate({ ...draftFromCreator(hidden), consentScope: 'anything' }, hidden)).toEqual({});
  });

  it('finds what the API would refuse, at the paths the API names', () => {
    const creator = creatorFixture();
    const body = buildUpdate({ ...draftFromCreator(creator), displayName: 'L', languages: 'vietnamese' }, creator);
    expect(validateUpdate(body).map((e) => [e.path, e.code])).toEqual([
      ['displayName', 'too_small'],
      ['languages.0', 'invalid_format'],
    ]);
    expect(validateUpdate({ consent: { givenAt: '', scope: 'x', evidence: '' } }).map((e) => e.path)).toEqual([
      'consent.givenAt',
      'consent.evidence',
    ]);
  });

  it('sends the version read as the ETag, and says which saved fields changed meanwhile', () => {
    expect(ifMatchOf(3)).toBe('"v3"');
    const before = creatorFixture();
    const after = creatorFixture({
      version: 4,
      displayName: 'Lan Anh',
      topics: ['cuisine', 'tourism'],
      regions: ['VN-HN', 'VN-DN'],
    });
    expect(changedFields(before, after)).toEqual(['displayName', 'regions']);
  });

  it('after a stale version, takes the saved values where the user typed nothing and keeps their typing elsewhere', () => {
    const before = creatorFixture();
    const after = creatorFixture({
      version: 4,
      displayName: 'Lan Anh (official)',
      regions: ['VN-HN', 'VN-DN'],
      topics: ['tourism'],
    });
    const typed = {
      ...draftFromCreator(before),
      displayName: 'Lan Anh Travel VN',
      topics: ['cuisine', 'tourism'] as typeof before.topics,
    };
    expect(rebaseDraft(typed, before, after)).toMatchObject({
      displayName: 'Lan Anh Travel VN',
      regions: 'VN-HN, VN-DN',
      topics: ['tourism'],
    });
    expect(buildUpdate(rebaseDraft(typed, before, after), after)).toEqual({ displayName: 'Lan Anh Travel VN' });
  });
});

describe('the edit form and the update contract', () => {
  it('changes every field of the contract that UPDATE_FIELDS says the form takes, once all are changed', () => {
    const creator = creatorFixture();
    const body = buildUpdate(
      {
        displayName: 'Hồng Nhung Du Ký',
        topics: ['culture'],
        languages: 'fr',
        regions: 'VN-DN',
        consentGivenAt: '2026-03-01',
        consentScope: 'registry and campaigns',
        consentEvidence: 'form 31/2026',
      },
      creator,
    );
    const taken = Object.entries(UPDATE_FIELDS)
      .filter(([, from]) => Array.isArray(from))
      .map(([field]) => field);
    expect(Object.keys(body).sort()).toEqual(taken.sort());
  });
});
