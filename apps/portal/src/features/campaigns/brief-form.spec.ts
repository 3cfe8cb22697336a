import { describe, expect, it } from '@jest/globals';
import { buildBrief, emptyBriefDraft, validateBrief } from './brief-form';

const campaign = {
  keyMessages: ['Viet Nam hosts the signing'],
  platforms: ['tiktok', 'facebook'] as ('tiktok' | 'facebook')[],
};

describe('the "Add a brief" form', () => {
  it("starts from the campaign's key messages and platforms, and sends numbers as people write them", () => {
    const draft = {
      ...emptyBriefDraft(campaign),
      title: ' The signing in 60 seconds ',
      languages: 'EN, vi',
      dueAt: '2026-12-12T10:00',
      quantity: '2',
      feePerDeliverable: '3.000.000',
    };
    const body = buildBrief(draft);
    expect(body).toEqual({
      kind: 'short_video',
      title: 'The signing in 60 seconds',
      keyMessages: ['Viet Nam hosts the signing'],
      platforms: ['tiktok', 'facebook'],
      languages: ['en', 'vi'],
      dueAt: new Date('2026-12-12T10:00').toISOString(),
      quantity: 2,
      feePerDeliverable: 3000000,
    });
    expect(validateBrief(body)).toEqual([]);
  });

  it('names missing and unreadable fields, and a window that ends before it starts', () => {
    const errors = validateBrief(
      buildBrief({
        ...emptyBriefDraft(),
        quantity: 'two',
        windowStart: '2026-12-12T10:00',
        windowEnd: '2026-12-11T10:00',
      }),
    );
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title',
        'keyMessages',
        'platforms',
        'dueAt',
        'quantity',
        'feePerDeliverable',
        'window.end',
      ]),
    );
    expect(errors.find((e) => e.path === 'window.end')?.code).toBe('before_start');
  });
});
