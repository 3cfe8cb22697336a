/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { useSession } from '../../session/session';
import { tokenStore } from '../../session/token-store';
import { renderInPortal, staffMember } from '../../test/render';
import { fakeClient } from '../../test/fake-client';
import { aReviewStage } from '../../test/fixtures';
import { rawCodes } from '../../test/raw-codes';
import HomePage from './home-page';

const me = staffMember('reviewer@mofa', 'Lê Thu', 'mofa', ['reviewer']);
const stage = aReviewStage({
  key: 'partner_review:mofa',
  agencyId: 'mofa',
  deadlineHours: 72,
  index: 2,
  dueAt: '2026-12-03T04:00:00Z',
});
const review = {
  id: '0190f1a2-0000-7000-8000-0000000000aa',
  assignmentId: 'a',
  campaignId: 'c',
  ownerAgencyId: 'mcst-ttcs',
  creatorName: 'Hiếu Và Lễ Hội Hà Nội',
  platform: 'tiktok',
  kind: 'short_video',
  status: 'in_review',
  currentStage: stage,
  createdAt: '2026-11-30T04:35:00Z',
};

/** The portal shows its pages once the session knows who signed in. */
function SignedIn() {
  return useSession().me ? <HomePage /> : null;
}

describe('the home page', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it.each(['vi', 'en'] as const)(
    'names the stage a review waits at in words (%s), not by its code',
    async (language) => {
      const client = fakeClient({
        'GET /v1/me': { status: 200, body: me },
        'GET /v1/reviews': { status: 200, body: { items: [review], nextCursor: null } },
      });
      renderInPortal(<SignedIn />, { client, language });
      await screen.findByRole('link', { name: /Hiếu Và Lễ Hội Hà Nội/ });
      const text = document.body.textContent;
      expect(rawCodes(text)).toEqual([]);
      expect(text).toContain(
        language === 'vi'
          ? 'Bước: Cơ quan phối hợp duyệt (Vụ Thông tin Báo chí, Bộ Ngoại giao)'
          : 'Stage: Partner review (',
      );
    },
  );
});
