import { describe, expect, it } from '@jest/globals';
import {
  buildCounter,
  buildRequest,
  counterDraftFrom,
  emptyRequestDraft,
  requestActions,
  validateCounter,
  validateRequest,
  type CampaignRequestView,
} from './request-form';

const filled = {
  ...emptyRequestDraft(),
  title: '  Hanoi Convention signing  ',
  objective: 'Explain the signing to foreign audiences',
  keyMessages: 'Viet Nam hosts the signing\n\n  International cooperation  \n',
  periodStart: '2026-12-01',
  periodEnd: '2026-12-20',
  expectedDeliverables: '10 short clips in English',
  responseDeadline: '2026-11-30T17:00',
};

const request: CampaignRequestView = {
  id: '0190f1a2-0000-7000-8000-0000000000r1',
  fromAgencyId: 'mofa',
  toAgencyId: 'mcst-ttcs',
  title: 'Hanoi Convention',
  objective: 'o',
  keyMessages: ['Viet Nam hosts the signing'],
  proposedPeriod: { start: '2026-12-01', end: '2026-12-20' },
  expectedDeliverables: 'd',
  responseDeadline: '2026-11-30T10:00:00Z',
  status: 'submitted',
  counterProposal: null,
  campaignId: null,
  statusHistory: [],
  createdBy: 'liaison@mofa',
  createdAt: '2026-11-29T10:00:00Z',
};

describe('the joint campaign request form', () => {
  it('sends trimmed text, one key message per line, the deadline as an ISO time, to the lead agency', () => {
    const body = buildRequest(filled);
    expect(body).toMatchObject({
      title: 'Hanoi Convention signing',
      keyMessages: ['Viet Nam hosts the signing', 'International cooperation'],
      proposedPeriod: { start: '2026-12-01', end: '2026-12-20' },
      toAgencyId: 'mcst-ttcs',
    });
    expect(body.responseDeadline).toBe(new Date('2026-11-30T17:00').toISOString());
    expect(validateRequest(body)).toEqual([]);
  });

  it('names what the API would refuse, at the paths the API uses', () => {
    const paths = (errors: { path: string; code: string }[]) => errors.map((e) => `${e.path}:${e.code}`);
    const empty = paths(validateRequest(buildRequest(emptyRequestDraft())));
    expect(empty).toEqual(
      expect.arrayContaining([
        'title:too_small',
        'objective:too_small',
        'keyMessages:too_small',
        'expectedDeliverables:too_small',
      ]),
    );
    expect(empty.some((p) => p.startsWith('proposedPeriod.start:'))).toBe(true);
    expect(empty.some((p) => p.startsWith('responseDeadline:'))).toBe(true);

    expect(paths(validateRequest(buildRequest({ ...filled, periodEnd: '2026-11-01' })))).toEqual([
      'proposedPeriod.end:before_start',
    ]);
    expect(paths(validateRequest(buildRequest({ ...filled, toAgencyId: 'mofa' })))).toEqual([
      'toAgencyId:not_lead_agency',
    ]);
  });
});

describe('the counter-proposal', () => {
  it("starts from the request's terms and sends key messages only when they changed", () => {
    const draft = { ...counterDraftFrom(request), periodEnd: '2027-01-10', message: ' Later, after Tết ' };
    expect(buildCounter(draft, request)).toEqual({
      proposedPeriod: { start: '2026-12-01', end: '2027-01-10' },
      message: 'Later, after Tết',
    });
    expect(
      buildCounter({ ...draft, keyMessages: 'Viet Nam hosts the signing\nA safer cyberspace' }, request).keyMessages,
    ).toEqual(['Viet Nam hosts the signing', 'A safer cyberspace']);
  });

  it('asks for a message and a period in order', () => {
    const errors = validateCounter(
      buildCounter({ ...counterDraftFrom(request), periodStart: '2027-02-01', message: '' }, request),
    );
    expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'message:too_small',
      'proposedPeriod.end:before_start',
    ]);
  });
});

describe('what a user may answer', () => {
  const manager = { agencyId: 'mcst-ttcs', canAnswer: true, canFollowUp: false };
  const liaison = { agencyId: 'mofa', canAnswer: false, canFollowUp: true };
  const reviewer = { agencyId: 'mcst-ttcs', canAnswer: false, canFollowUp: false };

  it('gives the receiving agency accept, counter and decline while the request waits', () => {
    expect(requestActions(request, manager)).toEqual(['accept', 'counter', 'decline']);
    expect(requestActions({ ...request, status: 'countered' }, manager)).toEqual([]);
    expect(requestActions(request, reviewer)).toEqual([]);
  });

  it('lets the requester withdraw, and accept a counter-proposal', () => {
    expect(requestActions(request, liaison)).toEqual(['withdraw']);
    expect(requestActions({ ...request, status: 'countered' }, liaison)).toEqual(['accept_counter', 'withdraw']);
    expect(requestActions({ ...request, status: 'accepted' }, liaison)).toEqual([]);
    expect(requestActions(request, { ...liaison, agencyId: 'hcmc-info' })).toEqual([]);
  });
});
