import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SAMPLE_WORDS } from '../text/sample-words.test-helpers';
import { diffWords, type DiffPart } from './text-diff';

const oldText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const newText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');

const WORDS = [...SAMPLE_WORDS, '#HướngVềLáCờTổQuốc', '🇻🇳', '👍🏽', '👨‍👩‍👧', 'the', 'a', '2025', '…'];
const arbWord = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ minLength: 1, maxLength: 6 }).filter((w) => !/\s/.test(w)),
);
const arbSpace = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', ' \u00a0');
const arbText = fc.array(fc.tuple(arbWord, arbSpace), { maxLength: 30 }).map((pairs) =>
  pairs
    .map(([w, s]) => w + s)
    .join('')
    .trimEnd(),
);

describe('diffWords', () => {
  it('gives back the old text from equal+delete parts and the new text from equal+insert parts (property)', () => {
    fc.assert(
      fc.property(arbText, arbText, (from, to) => {
        const parts = diffWords(from, to);
        expect(oldText(parts)).toBe(from);
        expect(newText(parts)).toBe(to);
      }),
    );
  });

  it('does the same for arbitrary strings, edits of one text into another included (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (from, to) => {
        const parts = diffWords(from, to);
        expect(oldText(parts)).toBe(from);
        expect(newText(parts)).toBe(to);
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
      }),
    );
  });

  it('never shows two parts of the same kind side by side, and marks nothing when a text is compared with itself (property)', () => {
    fc.assert(
      fc.property(arbText, arbText, (from, to) => {
        const parts = diffWords(from, to);
        parts.slice(1).forEach((p, i) => expect(p.op).not.toBe(parts[i].op));
        expect(diffWords(from, from)).toEqual(from ? [{ op: 'equal', text: from }] : []);
      }),
    );
  });

  it('keeps every word the two texts share, in order, unmarked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 15 }),
        fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
        fc.nat(),
        (words, extra, at) => {
          const from = words.join(' ');
          const i = words.length ? at % (words.length + 1) : 0;
          const to = [...words.slice(0, i), ...extra, ...words.slice(i)].join(' ');
          const parts = diffWords(from, to);
          expect(parts.filter((p) => p.op === 'delete')).toEqual([]);
          expect(
            parts
              .filter((p) => p.op === 'equal')
              .map((p) => p.text)
              .join(''),
          ).toBe(from);
        },
      ),
    );
  });

  it.each([
    { name: 'a Vietnamese caption', text: 'Việt Nam là nước chủ nhà #HướngVềLáCờTổQuốc 🇻🇳' },
    { name: 'a script over several lines', text: 'Cảnh 1: Lễ thượng cờ\nCảnh 2: Phỏng vấn 👍🏽' },
  ])('shows $name compared with itself as one unchanged part', ({ text }) => {
    expect(diffWords(text, text)).toEqual([{ op: 'equal', text }]);
  });

  it.each([
    {
      from: 'Việt Nam là nước chủ nhà',
      to: 'Việt Nam là xứ chủ nhà',
      parts: [
        { op: 'equal', text: 'Việt Nam là ' },
        { op: 'delete', text: 'nước' },
        { op: 'insert', text: 'xứ' },
        { op: 'equal', text: ' chủ nhà' },
      ],
    },
    {
      from: 'Xem ngay 🇻🇳 hôm nay',
      to: 'Xem ngay 👍🏽 hôm nay',
      parts: [
        { op: 'equal', text: 'Xem ngay ' },
        { op: 'delete', text: '🇻🇳' },
        { op: 'insert', text: '👍🏽' },
        { op: 'equal', text: ' hôm nay' },
      ],
    },
    {
      from: 'Hà Nội',
      to: 'Hà Nam',
      parts: [
        { op: 'equal', text: 'Hà ' },
        { op: 'delete', text: 'Nội' },
        { op: 'insert', text: 'Nam' },
      ],
    },
    {
      from: 'nước chủ nhà',
      to: 'Nước chủ nhà',
      parts: [
        { op: 'delete', text: 'nước' },
        { op: 'insert', text: 'Nước' },
        { op: 'equal', text: ' chủ nhà' },
      ],
    },
  ])('shows a one-word change from "$from" to "$to" as one delete and one insert', ({ from, to, parts }) => {
    const diff = diffWords(from, to);
    expect(diff).toEqual(parts);
    expect(diff.filter((p) => p.op === 'delete')).toHaveLength(1);
    expect(diff.filter((p) => p.op === 'insert')).toHaveLength(1);
  });

  it.each([
    { from: '', to: 'Việt Nam', parts: [{ op: 'insert', text: 'Việt Nam' }] },
    { from: 'Việt Nam', to: '', parts: [{ op: 'delete', text: 'Việt Nam' }] },
    { from: '', to: '', parts: [] },
    {
      from: 'Việt Nam',
      to: 'Việt Nam 🇻🇳',
      parts: [
        { op: 'equal', text: 'Việt Nam' },
        { op: 'insert', text: ' 🇻🇳' },
      ],
    },
  ])('diffs "$from" → "$to" into only what was added or removed', ({ from, to, parts }) => {
    expect(diffWords(from, to)).toEqual(parts);
  });
});
