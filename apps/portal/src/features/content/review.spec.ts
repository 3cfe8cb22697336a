import { describe, expect, it } from '@jest/globals';
import { diffWords } from '@concord/domain';
import { orderReviews, quoteOf, selectedRange, sideBySide, validateDecision } from './review';

describe('the range a reviewer selected in the text', () => {
  it('is the selection in order, within the text', () => {
    expect(selectedRange(4, 9, 20)).toEqual({ start: 4, end: 9 });
    // Selected backwards (from right to left).
    expect(selectedRange(9, 4, 20)).toEqual({ start: 4, end: 9 });
    // Past the end (the text changed under the selection).
    expect(selectedRange(15, 40, 20)).toEqual({ start: 15, end: 20 });
  });

  it('is none when nothing is selected', () => {
    expect(selectedRange(7, 7, 20)).toBeUndefined();
    expect(selectedRange(null, null, 20)).toBeUndefined();
    expect(selectedRange(25, 30, 20)).toBeUndefined();
  });

  it('quotes the words it covers, shortened when long', () => {
    const text = 'Việt Nam là nước chủ nhà lễ mở ký';
    expect(quoteOf(text, { start: 0, end: 8 })).toBe('Việt Nam');
    expect(quoteOf(text, { start: 0, end: text.length }, 10)).toBe('Việt Nam …');
  });
});

describe('the decision form', () => {
  it('needs a decision, and a reason to request changes or reject', () => {
    expect(validateDecision(undefined, '').map((e) => e.path)).toEqual(['decision']);
    expect(validateDecision('approve', '')).toEqual([]);
    expect(validateDecision('request_changes', '  ').map((e) => `${e.path}:${e.code}`)).toEqual([
      'reason:reason_required',
    ]);
    expect(validateDecision('reject', '').map((e) => e.path)).toEqual(['reason']);
    expect(validateDecision('reject', 'Wrong label')).toEqual([]);
  });
});

describe('the review queue', () => {
  it('puts overdue stages first, then the soonest due', () => {
    const at = (id: string, dueAt: string, overdue = false) => ({ id, currentStage: { dueAt, overdue } });
    const items = [
      at('later', '2026-12-03T00:00:00Z'),
      at('soon', '2026-12-01T00:00:00Z'),
      at('late', '2026-12-05T00:00:00Z', true),
    ];
    expect(orderReviews(items).map((i) => i.id)).toEqual(['late', 'soon', 'later']);
  });
});

describe('a diff side by side', () => {
  it('shows the earlier text with its removals and the later text with its additions, each whole', () => {
    const from = 'Việt Nam là nước chủ nhà lễ mở ký';
    const to = 'Việt Nam là chủ nhà trang trọng của lễ mở ký';
    const { before, after } = sideBySide(diffWords(from, to));
    expect(before.map((p) => p.text).join('')).toBe(from);
    expect(after.map((p) => p.text).join('')).toBe(to);
    expect(before.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['nước']);
    expect(after.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['trang trọng của']);
  });
});
