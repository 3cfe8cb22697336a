/**
 * @jest-environment jsdom
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tokenStore } from '../../session/token-store';
import { creatorMember, renderRoutes, staffMember } from '../../test/render';
import { aReviewStage } from '../../test/fixtures';
import { fakeClient, type Call } from '../../test/fake-client';
import SubmissionPage from './submission-page';
import { rawCodes } from '../../test/raw-codes';

const ID = '0190f1a2-0000-7000-8000-0000000000aa';
const me = staffMember('reviewer@mcst', 'Vũ Ngọc Lan', 'mcst-ttcs', ['reviewer']);
const creator = creatorMember('creator@hieu', 'Hiếu', { id: 'cr', name: 'Hiếu Và Lễ Hội Hà Nội' });
const stage = aReviewStage();
const submission = {
  id: ID,
  assignmentId: 'a',
  campaignId: 'c',
  ownerAgencyId: 'mcst-ttcs',
  partnerAgencyIds: [],
  creatorId: 'cr',
  creatorName: 'Hiếu Và Lễ Hội Hà Nội',
  platform: 'facebook',
  kind: 'short_video',
  plannedAt: '2026-12-10T09:00:00Z',
  status: 'in_review',
  stages: [stage],
  currentStage: stage,
  versions: [
    {
      number: 2,
      title: null,
      text: 'Việt Nam là nước chủ nhà lễ mở ký',
      media: [],
      checks: [{ check: 'disclosure_label', passed: false, detail: 'The disclosure label is missing' }],
      overrides: [],
      submittedBy: 'creator@hieu',
      submittedAt: '2026-11-30T04:35:00Z',
    },
  ],
  comments: [],
  decisions: [],
  publication: null,
  timeline: [],
  version: 3,
  submittedBy: 'creator@hieu',
  createdAt: '2026-11-30T04:35:00Z',
};

function renderPage(
  decide: (call: Call) => { status: number; body: unknown },
  shown: typeof submission = submission,
  language: 'en' | 'vi' = 'en',
  extra: Record<string, (call: Call) => { status: number; body: unknown }> = {},
  who: unknown = me,
) {
  const client = fakeClient({
    'GET /v1/me': { status: 200, body: who },
    'GET /v1/submissions/{id}': { status: 200, body: shown },
    'POST /v1/submissions/{id}/decisions': decide,
    ...extra,
  });
  renderRoutes({ '/submissions/:id': <SubmissionPage /> }, { client, at: `/submissions/${ID}`, language });
  return client;
}

const problem = (code: string, detail: string) => ({
  type: `https://concord.gov.vn/problems/${code}`,
  title: code,
  code,
  detail,
});

describe('the review screen (decision form)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('asks for a reason before requesting changes, and sends the stage and version looked at', async () => {
    const client = renderPage(() => ({ status: 200, body: submission }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Request changes'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    const reason = screen.getByRole('textbox', { name: /^Reason/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('decision-reason-error')?.textContent).toBe('Give the creator a reason.');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'Add the English sentence' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    const posted = client.calls.filter((c) => c.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0].init.body).toEqual({
      decision: 'request_changes',
      stage: 0,
      version: 2,
      reason: 'Add the English sentence',
    });
    expect(await screen.findByText('You asked the creator for changes.')).toBeTruthy();
  });

  it('says someone decided meanwhile on a stale decision, with a way to reload', async () => {
    renderPage(() => ({ status: 409, body: problem('submission.stage_changed', 'The review moved on') }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    expect((await screen.findByText(/Someone decided meanwhile/)).textContent).toContain('Reload');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('shows failing checks next to the checks when approval is refused', async () => {
    renderPage(() => ({ status: 409, body: problem('submission.checks_failing', 'Checks fail') }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    await waitFor(() => expect(document.getElementById('checks-problem')).not.toBeNull());
    expect(document.getElementById('checks')?.contains(document.getElementById('checks-problem'))).toBe(true);
    expect(document.getElementById('checks-problem')?.textContent).toContain('Automatic checks are failing');
  });

  it("words the checks' findings and the stage in the reader's language, from the API's codes", async () => {
    const found = {
      ...submission,
      versions: [
        {
          ...submission.versions[0],
          checks: [
            {
              check: 'required_hashtags',
              passed: false,
              finding: 'hashtags_missing',
              values: ['#CôngƯớcHàNội'],
              detail: 'Missing #CôngƯớcHàNội',
            },
            {
              check: 'platform_limits',
              passed: false,
              finding: 'too_long',
              values: [],
              overruns: [{ part: 'caption', length: 63_300, limit: 63_206 }],
              detail: 'Too long',
            },
          ],
        },
      ],
    } as unknown as typeof submission;
    renderPage(() => ({ status: 200, body: found }), found, 'vi');
    const checks = await screen.findByRole('heading', { name: 'Kiểm tra tự động' });
    const list = checks.parentElement!.textContent;
    expect(list).toContain('Thiếu #CôngƯớcHàNội');
    expect(list).toContain('Quá dài cho Facebook: chú thích 63300/63206 ký tự');
    expect(list).not.toContain('Missing');
    expect(document.body.textContent).toContain('Cơ quan duyệt');
  });

  it('shows the changes side by side: the earlier version with its removals, the later with its additions', async () => {
    const v1 = { ...submission.versions[0], number: 1, text: 'Việt Nam là nước chủ nhà' };
    const v2 = { ...submission.versions[0], number: 2, text: 'Việt Nam là chủ nhà trang trọng' };
    const twoVersions = { ...submission, versions: [v1, v2] };
    const client = renderPage(() => ({ status: 200, body: twoVersions }), twoVersions, 'en', {
      'GET /v1/submissions/{id}/diff': () => ({
        status: 200,
        body: {
          from: 1,
          to: 2,
          title: [],
          text: [
            { op: 'equal', text: 'Việt Nam là ' },
            { op: 'delete', text: 'nước ' },
            { op: 'equal', text: 'chủ nhà' },
            { op: 'insert', text: ' trang trọng' },
          ],
        },
      }),
    });
    const before = await screen.findByRole('group', { name: 'Version 1, what was removed' });
    const after = screen.getByRole('group', { name: 'Version 2, what was added' });
    expect(before.querySelector('.content-text')?.textContent).toBe('Việt Nam là nước chủ nhà');
    expect(before.querySelector('del')?.textContent).toBe('nước ');
    expect(before.querySelector('ins')).toBeNull();
    expect(after.querySelector('.content-text')?.textContent).toBe('Việt Nam là chủ nhà trang trọng');
    expect(after.querySelector('ins')?.textContent).toBe(' trang trọng');
    expect(client.calls.find((c) => c.path === '/v1/submissions/{id}/diff')?.init.params?.query).toEqual({
      from: 1,
      to: 2,
    });
  });
});

type Comment = {
  id: string;
  version: number;
  parentId: string | null;
  range: null;
  body: string;
  visibility: 'creator' | 'internal';
  by: string;
  agencyId: string;
  at: string;
};
const comment = (id: string, over: Partial<Comment> = {}): Comment => ({
  id,
  version: 2,
  parentId: null,
  range: null,
  body: `Comment ${id}`,
  visibility: 'creator',
  by: 'reviewer@mcst',
  agencyId: 'mcst-ttcs',
  at: '2026-11-30T05:00:00Z',
  ...over,
});
const C1 = '0190f1a2-0000-7000-8000-0000000000c1';
const C2 = '0190f1a2-0000-7000-8000-0000000000c2';
const R1 = '0190f1a2-0000-7000-8000-0000000000d1';
const R2 = '0190f1a2-0000-7000-8000-0000000000d2';

/** The page's fake API with comments that grow as replies are posted (the POST answers the whole view, as the API does). */
function withComments(initial: Comment[], answer?: (call: Call) => { status: number; body: unknown } | undefined) {
  let comments = initial;
  const view = () => ({ ...submission, comments }) as unknown as typeof submission;
  return {
    shown: view(),
    extra: {
      'GET /v1/submissions/{id}': () => ({ status: 200, body: view() }),
      'POST /v1/submissions/{id}/comments': (call: Call) => {
        const refused = answer?.(call);
        if (refused) return refused;
        const sent = call.init.body as {
          body: string;
          parentId?: string;
          visibility: 'creator' | 'internal';
          version: number;
        };
        const id = comments.some((c) => c.id === R1) ? R2 : R1;
        comments = [
          ...comments,
          comment(id, {
            body: sent.body,
            parentId: sent.parentId ?? null,
            visibility: sent.visibility,
            version: sent.version,
            at: '2026-11-30T06:00:00Z',
          }),
        ];
        return { status: 201, body: view() };
      },
    },
  };
}

describe('the review screen (comments and replies)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('sends a reply with the parent comment and shows it under that comment, focused', async () => {
    const api = withComments([
      comment(C1, { by: 'creator@hieu', agencyId: 'creators', body: 'Can I keep the opening?' }),
      comment(C2, { visibility: 'internal', body: 'Check with legal' }),
      comment(R2, { parentId: C1, body: 'Yes, keep it.', at: '2026-11-30T05:30:00Z' }),
    ]);
    const client = renderPage(() => ({ status: 200, body: submission }), api.shown, 'en', api.extra);
    const reply = await screen.findByRole('button', { name: /^Reply to creator@hieu \(/ });
    // The earlier reply is already shown under its parent.
    const thread = document.getElementById(`comment-${C1}`)!;
    expect(screen.getByRole('list', { name: 'Replies to creator@hieu' }).textContent).toContain('Yes, keep it.');

    fireEvent.click(reply);
    const body = screen.getByRole('textbox', { name: 'Your reply' });
    expect(document.activeElement).toBe(body);
    expect(thread.textContent).toContain('Who sees it: The creator and reviewers');
    fireEvent.change(body, { target: { value: ' Shorten it to one line, please. ' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the reply' })));

    const posted = client.calls.filter((c) => c.method === 'POST' && c.path === '/v1/submissions/{id}/comments');
    expect(posted).toHaveLength(1);
    expect(posted[0].init.body).toEqual({
      body: 'Shorten it to one line, please.',
      version: 2,
      parentId: C1,
      visibility: 'creator',
    });
    expect(posted[0].init.params?.header?.['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('Your reply was added.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe(`comment-${R1}`));
    // Under its parent, after the earlier reply, with who and when; the form is closed.
    const replies = within(screen.getByRole('list', { name: 'Replies to creator@hieu' })).getAllByRole('listitem');
    expect(replies.map((li) => li.querySelector('.comment-body')?.textContent)).toEqual([
      'Yes, keep it.',
      'Shorten it to one line, please.',
    ]);
    expect(replies[1].querySelector('.work-meta')?.textContent).toContain('reviewer@mcst');
    expect(thread.contains(document.getElementById(`comment-${R1}`))).toBe(true);
    expect(document.getElementById(`comment-${C2}`)!.contains(document.getElementById(`comment-${R1}`))).toBe(false);
    expect(screen.queryByRole('textbox', { name: 'Your reply' })).toBeNull();
  });

  it("keeps an internal note's replies internal", async () => {
    const api = withComments([comment(C2, { visibility: 'internal', body: 'Check with legal' })]);
    const client = renderPage(() => ({ status: 200, body: submission }), api.shown, 'en', api.extra);
    fireEvent.click(await screen.findByRole('button', { name: /^Reply to reviewer@mcst \(/ }));
    expect(document.getElementById(`comment-${C2}`)!.textContent).toContain('Who sees it: Reviewers only (internal)');
    fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: 'Legal agrees' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the reply' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toMatchObject({
      parentId: C2,
      visibility: 'internal',
    });
    await waitFor(() =>
      expect(document.getElementById(`comment-${C2}`)!.contains(document.getElementById(`comment-${R1}`))).toBe(true),
    );
  });

  it('says what is wrong next to the reply, keeps what was typed, and gives focus back to Reply on cancel', async () => {
    const api = withComments([comment(C1)], (call) =>
      (call.init.body as { body: string }).body.length > 10
        ? {
            status: 422,
            body: {
              ...problem('validation.failed', 'Invalid'),
              errors: [{ path: 'input.body', code: 'too_big', message: 'At most 4000 characters' }],
            },
          }
        : undefined,
    );
    const client = renderPage(() => ({ status: 200, body: submission }), api.shown, 'vi', api.extra);
    const reply = await screen.findByRole('button', { name: /^Trả lời reviewer@mcst \(/ });
    fireEvent.click(reply);
    // Nothing typed: said in words, nothing sent.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Gửi trả lời' })));
    const body = screen.getByRole('textbox', { name: 'Nội dung trả lời' });
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(client.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(body, { target: { value: 'Một câu trả lời quá dài' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Gửi trả lời' })));
    expect((body as HTMLTextAreaElement).value).toBe('Một câu trả lời quá dài');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(
      body
        .getAttribute('aria-describedby')!
        .split(' ')
        .find((id) => id.endsWith('-error'))!,
    );
    expect(error?.textContent).toMatch(/\S/);
    expect(error?.textContent).not.toContain('At most 4000 characters');
    expect(document.activeElement).toBe(body);

    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('textbox', { name: 'Nội dung trả lời' })).toBeNull();
    expect(document.activeElement).toBe(reply);
    expect(reply.getAttribute('aria-expanded')).toBe('false');
  });

  it('gives a creator no Reply on an internal note, and sends their replies to the reviewers', async () => {
    const api = withComments([
      comment(C1, { body: 'Add the English sentence' }),
      comment(C2, { visibility: 'internal', by: 'legal@mcst', body: 'Check with legal' }),
    ]);
    const client = renderPage(
      () => ({ status: 200, body: submission }),
      { ...api.shown, status: 'changes_requested', currentStage: null } as unknown as typeof submission,
      'en',
      api.extra,
      creator,
    );
    await screen.findByText('Add the English sentence');
    expect(screen.getAllByRole('button', { name: /^Reply/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Reply to reviewer@mcst \(.*2026.*\)$/),
    ]);
    expect(within(document.getElementById(`comment-${C2}`)!).queryByRole('button', { name: /^Reply/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /^Reply to reviewer@mcst \(/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Your reply' }), { target: { value: 'Added' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the reply' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toEqual({
      body: 'Added',
      version: 2,
      parentId: C1,
      visibility: 'creator',
    });
  });
});

describe('the review screen (who decides)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  // The approvals service refuses a decision unless the person holds the stage's role at its agency
  // (packages/domain `mayDecide`); an escalated stage goes up the admins' queue, but its reviewers still decide.
  const escalated = { ...stage, overdue: true, escalated: true };
  const overdue = { ...submission, currentStage: escalated, stages: [escalated] };
  const person = (id: string, roles: string[], agency = 'mcst-ttcs') => ({
    ...me,
    user: { id, name: id },
    agency: { id: agency },
    roles,
  });
  it.each([
    ['an admin of the agency', person('admin@mcst', ['admin']), false],
    ['a reviewer of the agency', person('reviewer@mcst', ['reviewer']), true],
    ['an admin who also reviews', person('boss@mcst', ['admin', 'reviewer']), true],
    ['a reviewer of another agency', person('reviewer@mofa', ['reviewer'], 'mofa'), false],
  ])(
    'on an escalated stage, %s sees decision buttons only if the server takes the decision',
    async (_who, who, decides) => {
      renderPage(() => ({ status: 200, body: overdue }), overdue, 'en', {}, who);
      await screen.findByRole('heading', { name: 'Comment' });
      expect(screen.queryByRole('heading', { name: 'Your decision' }) !== null).toBe(decides);
      expect(screen.queryByRole('button', { name: 'Send the decision' }) !== null).toBe(decides);
      expect(screen.queryByLabelText('Approve') !== null).toBe(decides);
      if (!decides)
        expect(document.getElementById('decided-by')?.textContent).toBe(
          'This stage is decided by Department of Grassroots Information and Foreign Information, Ministry of Culture, Sports and Tourism (Reviewer).',
        );
    },
  );
});

describe('the review screen (keyboard and focus)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('moves focus to the message saying what happened after a decision is sent', async () => {
    renderPage(() => ({ status: 200, body: { ...submission, status: 'approved', currentStage: null } }));
    await screen.findByRole('heading', { name: 'Your decision' });
    fireEvent.click(screen.getByLabelText('Approve'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the decision' })));
    const status = document.getElementById('submission-notice')!;
    expect(status.textContent).toBe('You approved this version.');
    expect(document.activeElement).toBe(status);
  });

  it('comments on a passage selected with the keyboard, through a button that comes next in Tab order', async () => {
    const client = renderPage(() => ({ status: 200, body: submission }), submission, 'en', {
      'POST /v1/submissions/{id}/comments': () => ({ status: 201, body: submission }),
    });
    const text = (await screen.findByRole('textbox', { name: /Select words in the text/ })) as HTMLTextAreaElement;
    const take = screen.getByRole('button', { name: 'Comment on the selected words' });
    // Tab order: the text, then this button (a native button, not taken out of the order).
    const focusable = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);
    expect(focusable[focusable.indexOf(text) + 1]).toBe(take);

    // Nothing selected yet: the button says what to do.
    fireEvent.click(take);
    expect(screen.getByText(/Select words in the text first/)).toBeTruthy();

    text.focus();
    text.setSelectionRange(0, 8); // "Việt Nam", as Shift + arrows would select it
    fireEvent.click(take);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Your comment' }));
    expect(screen.getByText('Việt Nam', { selector: 'q' })).toBeTruthy();
    fireEvent.change(document.activeElement!, { target: { value: 'Say “Viet Nam” in the English version' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add the comment' })));
    expect(client.calls.find((c) => c.method === 'POST')?.init.body).toMatchObject({
      range: { start: 0, end: 8 },
      version: 2,
    });
  });
});

describe('the review screen (wording)', () => {
  beforeEach(() => tokenStore.set('a-token'));

  it('words stages, statuses and dates for a Vietnamese reader: no raw codes, dates as dd/mm/yyyy', async () => {
    const partner = { ...stage, key: 'partner_review:mofa', agencyId: 'mofa', index: 1 };
    const shown = {
      ...submission,
      stages: [stage, partner],
      currentStage: partner,
      decisions: [
        {
          decision: 'approve',
          version: 2,
          stage: 'agency_review',
          by: 'reviewer@mcst',
          agencyId: 'mcst-ttcs',
          at: '2026-12-01T04:00:00Z',
          reason: null,
        },
      ],
    } as unknown as typeof submission;
    renderPage(() => ({ status: 200, body: shown }), shown, 'vi');
    await screen.findByRole('heading', { name: 'Kiểm tra tự động' });
    const text = document.body.textContent;
    expect(rawCodes(text)).toEqual([]);
    expect(text).toContain('Cơ quan phối hợp duyệt');
    expect(text).toContain('09:00 10/12/2026');
    expect(text).not.toMatch(/thg \d/);
  });
});

describe('the creator’s reach form', () => {
  beforeEach(() => tokenStore.set('a-token'));
  const previous = { at: '2026-12-01T02:00:00.000Z', views: 350_000, likes: 20_000, comments: 500, shares: 900 };
  const published = {
    ...submission,
    status: 'approved',
    currentStage: null,
    publication: {
      id: '0190f1a2-0000-7000-8000-0000000000bb',
      submissionId: ID,
      platform: 'facebook',
      url: 'https://www.facebook.com/hieu/posts/1',
      publishedAt: '2026-11-30T09:00:00Z',
      recordedBy: 'creator@hieu',
      latestMetrics: previous,
    },
  } as unknown as typeof submission;
  const fallen = (call: Call) => {
    const body = call.init.body as {
      views: number;
      likes: number;
      comments: number;
      shares: number;
      correction?: { reason: string };
    };
    if (body.correction) return { status: 201, body: { publicationId: published.publication, ...body } };
    return {
      status: 409,
      body: {
        ...problem('metrics.counter_decreased', 'Reach counters only grow: this reading is below the one before it'),
        errors: [{ path: 'input.views', code: 'below_previous', message: '350000 views were reported before' }],
        previous,
        sent: { at: '2026-12-02T02:00:00.000Z', ...body },
      },
    };
  };

  /** The creator's published piece, whose metrics the API refuses as `fallen`. */
  const renderRefused = (language: 'en' | 'vi') =>
    renderPage(
      () => ({ status: 500, body: {} }),
      published,
      language,
      { 'POST /v1/publications/{id}/metrics': fallen },
      creator,
    );

  it('says which counter fell, with both figures, and sends the same figures as a correction with its reason', async () => {
    const client = renderRefused('en');
    await screen.findByRole('heading', { name: 'Report reach' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Views' }), { target: { value: '1000' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Likes' }), { target: { value: '20000' } });
    expect(screen.queryByRole('button', { name: 'Send as a correction' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Report the reach' })));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Views: you entered 1,000, but 350,000 were reported on');
    expect(alert.textContent).not.toContain('Reach counters only grow: this reading');
    expect(screen.getByRole('textbox', { name: 'Views' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Lower than the figure reported before.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /Why the earlier figures were wrong/ }), {
      target: { value: 'The platform removed bot views' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send as a correction' })));
    const posts = client.calls.filter((c) => c.method === 'POST' && c.path === '/v1/publications/{id}/metrics');
    expect(posts).toHaveLength(2);
    expect(posts[1].init.body).toMatchObject({
      views: 1000,
      likes: 20000,
      correction: { reason: 'The platform removed bot views' },
    });
    expect(posts[1].init.params?.header?.['Idempotency-Key']).not.toBe(
      posts[0].init.params?.header?.['Idempotency-Key'],
    );
    expect(await screen.findByText('The correction was recorded, with its reason.')).toBeTruthy();
  });

  it('words the refusal in Vietnamese', async () => {
    renderRefused('vi');
    await screen.findByRole('heading', { name: 'Báo cáo lượt tiếp cận' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Lượt xem' }), { target: { value: '1000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Báo cáo lượt tiếp cận' })));
    expect(screen.getByRole('alert').textContent).toContain('bạn nhập 1.000, nhưng đã có 350.000 được báo cáo lúc');
    expect(screen.getByRole('button', { name: 'Gửi dưới dạng đính chính' })).toBeTruthy();
  });
});
