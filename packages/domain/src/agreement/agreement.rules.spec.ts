import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors';
import { caught } from '../errors.test-helpers';
import type { AgreementMove, AgreementStatusName } from './agreement-status.machine';
import {
  agreementNumber,
  agreementQueryWords,
  agreementSearchText,
  assertTerm,
  moveAgreement,
  statusOnSigning,
  todayInVietnam,
} from './agreement.rules';

describe('moveAgreement', () => {
  // The full (status, move) table is in agreement-status.machine.spec.ts; here, the shape of the refusal.
  it.each<[AgreementStatusName, AgreementMove, AgreementMove[]]>([
    ['draft', 'sign', ['submit_for_review', 'terminate']],
    ['legal_review', 'submit_for_review', ['legal_approve', 'legal_return', 'terminate']],
    ['approved', 'activate', ['sign', 'terminate']],
    ['signed', 'sign', ['activate', 'terminate', 'expire']],
    ['active', 'resume', ['suspend', 'terminate', 'expire']],
    ['suspended', 'suspend', ['resume', 'terminate', 'expire']],
    ['expired', 'resume', []],
    ['terminated', 'terminate', []],
  ])('refuses %s --%s-->, naming the allowed moves %j', (from, move, allowed) => {
    const error = caught(() => moveAgreement(from, move));
    expect(error.code).toBe('agreement.status_transition_forbidden');
    expect(error.errors).toEqual([]);
    expect(error.toProblem()).toEqual({
      type: 'https://concord.gov.vn/problems/agreement/status_transition_forbidden',
      title: 'Status transition forbidden',
      code: 'agreement.status_transition_forbidden',
      detail: expect.any(String),
      from,
      move,
      allowed,
    });
  });

  it('says in words what was refused and what is allowed', () => {
    expect(caught(() => moveAgreement('draft', 'legal_approve')).detail).toBe(
      'An agreement that is draft cannot legal approve; allowed now: submit_for_review, terminate',
    );
    expect(caught(() => moveAgreement('terminated', 'resume')).detail).toBe(
      'An agreement that is terminated cannot resume; allowed now: nothing (final)',
    );
  });

  it('survives a round trip through a problem', () => {
    const problem = caught(() => moveAgreement('active', 'sign')).toProblem();
    expect(DomainError.isProblem(problem)).toBe(true);
    expect(DomainError.fromProblem(problem).toProblem()).toEqual(problem);
  });
});

describe('agreementNumber', () => {
  it.each<[string, number, number, string]>([
    ['TTDN', 2026, 7, 'TTDN-2026-0007'],
    ['TTDN', 2026, 1, 'TTDN-2026-0001'],
    ['TTDN', 2026, 42, 'TTDN-2026-0042'],
    ['TTDN', 2026, 9999, 'TTDN-2026-9999'],
    ['TTDN', 2026, 12345, 'TTDN-2026-12345'],
    ['MOFA', 2027, 300, 'MOFA-2027-0300'],
  ])('agreementNumber(%s, %i, %i) = %s', (prefix, year, sequence, expected) => {
    expect(agreementNumber(prefix, year, sequence)).toBe(expected);
  });
});

describe('assertTerm', () => {
  it.each<[string, string]>([
    ['2026-01-01', '2026-12-31'],
    ['2026-03-01', '2026-03-01'],
    ['2026-12-31', '2027-01-01'],
  ])('accepts a term from %s to %s', (start, end) => {
    expect(() => assertTerm(start, end)).not.toThrow();
  });

  it.each<[string, string]>([
    ['2026-03-02', '2026-03-01'],
    ['2027-01-01', '2026-12-31'],
    ['2026-12-01', '2026-02-01'],
  ])('refuses a term from %s to %s, pointing at term.end', (start, end) => {
    const error = caught(() => assertTerm(start, end));
    expect(error.code).toBe('validation.failed');
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({ path: 'term.end' });
    expect(error.toProblem().errors).toEqual(error.errors);
  });
});

describe('statusOnSigning', () => {
  it.each<[string, string, AgreementStatusName]>([
    ['2026-03-01', '2026-03-02', 'active'],
    ['2026-03-01', '2026-03-01', 'active'],
    ['2025-12-31', '2026-01-01', 'active'],
    ['2026-03-02', '2026-03-01', 'signed'],
    ['2027-01-01', '2026-12-31', 'signed'],
  ])('term starting %s, signed on %s → %s', (termStart, today, expected) => {
    expect(statusOnSigning(termStart, today)).toBe(expected);
  });
});

describe('todayInVietnam', () => {
  it.each<[string, string]>([
    ['2026-03-01T17:30:00Z', '2026-03-02'],
    ['2026-03-01T16:59:59Z', '2026-03-01'],
    ['2026-03-01T17:00:00Z', '2026-03-02'],
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
    ['2028-02-28T18:00:00Z', '2028-02-29'],
    ['2026-03-02T06:00:00+07:00', '2026-03-02'],
  ])('at %s it is %s in Vietnam', (instant, expected) => {
    expect(todayInVietnam(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    const before = todayInVietnam(new Date());
    const today = todayInVietnam();
    const after = todayInVietnam(new Date());
    expect([before, after]).toContain(today);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('agreement search', () => {
  const text = agreementSearchText('TTDN-2026-0007', 'Quảng bá du lịch Điện Biên Phủ', 'Công ty Sao Việt');
  const finds = (q: string) =>
    agreementQueryWords(q).length > 0 && agreementQueryWords(q).every((w) => text.includes(w));

  it('folds the number, title and counterparty name into one text', () => {
    expect(text).toBe('ttdn-2026-0007 quang ba du lich dien bien phu cong ty sao viet');
  });

  it('folds the query into distinct words, keeping a number whole', () => {
    expect(agreementQueryWords('  Công ty  SAO sao ')).toEqual(['cong', 'ty', 'sao']);
    expect(agreementQueryWords('ttdn-2026-00')).toEqual(['ttdn-2026-00']);
    expect(agreementQueryWords('!!!')).toEqual([]);
  });

  it.each([
    ['cong ty sao viet', true],
    ['ĐIỆN biên', true],
    ['TTDN-2026-00', true],
    ['2026-0007 sao', true],
    ['sao nam', false],
    ['TTDN-2026-0008', false],
  ])('"%s" finds it: %s', (q, found) => {
    expect(finds(q)).toBe(found);
  });
});
