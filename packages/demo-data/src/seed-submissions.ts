import { createConcordClient, devToken, type ConcordClient, type Schemas } from '@concord/client';
import type { DemoCalendar } from './demo-calendar';

/** A demo creator who accepted the joint brief, with their channels. */
export interface DemoAuthor {
  handle: string;
  assignmentId: string;
  channels: { platform: string; handle: string }[];
}

type Submission = Schemas['SubmissionView'];
type Key = (step: string) => Record<string, string>;

const LABEL_OF_DEMO_AGREEMENT = '#HợpTác cùng Cục TTCS&TTĐN';
const MEDIA = [
  {
    url: 'https://drive.example.vn/demo/le-mo-ky-60s.mp4',
    mimeType: 'video/mp4',
    sizeBytes: 48_211_337,
    sha256: '9f2c1e0b7a6d5c4b3a29181706f5e4d3c2b1a09f8e7d6c5b4a3928170615f4e3',
  },
];
const text = (withLabel: boolean) =>
  `Lễ mở ký Công ước Hà Nội: Việt Nam là nước chủ nhà lễ mở ký, vì hợp tác quốc tế phòng chống tội phạm mạng 🇻🇳${withLabel ? ` ${LABEL_OF_DEMO_AGREEMENT}` : ''}`;

/** Where each demo author's content ends up: one submission in every state, one published with its reach. */
const PATHS = ['published', 'changes_requested', 'in_review_legal', 'rejected', 'withdrawn', 'in_review'] as const;

/**
 * Submissions for the joint campaign's brief, taken by the demo's reviewers
 * to every state of the review. Fixed times and stable Idempotency-Keys make
 * a second run change nothing.
 */
export async function seedDemoSubmissions(
  baseUrl: string,
  key: Key,
  calendar: DemoCalendar,
  authors: DemoAuthor[],
  log: (line: string) => void = console.log,
): Promise<number> {
  const as = async (username: string) => createConcordClient({ baseUrl, token: await devToken(baseUrl, username) });
  const [reviewer, legal, mofaReviewer] = await Promise.all(['reviewer@mcst', 'legal@mcst', 'reviewer@mofa'].map(as));
  let n = 0;
  for (const [i, path] of PATHS.entries()) {
    const author = authors[i];
    if (!author) break;
    const channel = author.channels.find((c) => c.platform === 'tiktok' || c.platform === 'facebook');
    if (!channel) continue;
    try {
      await seedOne(i, path, author, channel);
      n++;
    } catch (error) {
      // A demo older than this code (e.g. agreements seeded before labels travelled) keeps what it has.
      log(`demo data: submission ${i + 1} (${path}) left as it is: ${(error as Error).message}`);
    }
  }
  return n;

  async function seedOne(
    i: number,
    path: (typeof PATHS)[number],
    author: DemoAuthor,
    channel: { platform: string; handle: string },
  ) {
    const me = await as(`creator@${author.handle}`);
    const step = (s: string) => key(`submission-${i}-${s}`);
    let s = must(
      await me.POST('/v1/assignments/{id}/submissions', {
        params: { path: { id: author.assignmentId }, header: step('submit') },
        body: {
          platform: channel.platform as Submission['platform'],
          kind: 'short_video',
          plannedAt: calendar.at(10, '09:00'),
          title: 'Lễ mở ký trong 60 giây',
          text: text(path !== 'changes_requested'),
          media: MEDIA,
        },
      }),
      'submit',
    );
    const decide = async (
      client: ConcordClient,
      decision: 'approve' | 'request_changes' | 'reject',
      label: string,
      reason?: string,
    ) => {
      s = must(
        await client.POST('/v1/submissions/{id}/decisions', {
          params: { path: { id: s.id }, header: step(label) },
          body: { decision, stage: s.currentStage!.index, version: s.versions.length, ...(reason ? { reason } : {}) },
        }),
        label,
      );
    };
    if (path === 'changes_requested') {
      await reviewer.POST('/v1/submissions/{id}/comments', {
        params: { path: { id: s.id }, header: step('comment') },
        body: {
          body: `Thiếu nhãn hợp tác "${LABEL_OF_DEMO_AGREEMENT}" ở cuối chú thích.`,
          range: { start: 0, end: 30 },
        },
      });
      await decide(reviewer, 'request_changes', 'changes', 'Thêm nhãn công khai hợp tác theo thỏa thuận');
    }
    if (path === 'published' || path === 'in_review_legal') await decide(reviewer, 'approve', 'agency-review');
    if (path === 'published') {
      await decide(legal, 'approve', 'legal');
      await decide(mofaReviewer, 'approve', 'mofa');
      const url =
        channel.platform === 'tiktok'
          ? `https://www.tiktok.com/@${channel.handle}/video/7441000000000000001`
          : `https://www.facebook.com/${channel.handle}/videos/1021000000000001`;
      s = must(
        await me.POST('/v1/submissions/{id}/publication', {
          params: { path: { id: s.id }, header: step('publish') },
          body: { url, publishedAt: calendar.at(-5, '09:00') },
        }),
        'publish',
      );
      for (const [j, m] of [
        { at: calendar.at(-4, '09:00'), views: 850_000, likes: 61_000, comments: 2_300, shares: 7_400 },
        { at: calendar.at(-2, '09:00'), views: 3_100_000, likes: 212_000, comments: 8_900, shares: 26_000 },
      ].entries()) {
        must(
          await me.POST('/v1/publications/{id}/metrics', {
            params: { path: { id: s.publication!.id }, header: step(`metrics-${j}`) },
            body: m,
          }),
          'metrics',
        );
      }
    }
    if (path === 'rejected') await decide(reviewer, 'reject', 'reject', 'Nội dung không đúng chủ đề của chiến dịch');
    if (path === 'withdrawn') {
      s = must(
        await me.POST('/v1/submissions/{id}/withdraw', {
          params: { path: { id: s.id }, header: step('withdraw') },
          body: { reason: 'Quay lại video với âm thanh tốt hơn' },
        }),
        'withdraw',
      );
    }
  }
}

function must<T>(result: { data?: T; error?: unknown; response: Response }, step: string): T {
  if (!result.data)
    throw new Error(`Seeding a submission (${step}): ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}
