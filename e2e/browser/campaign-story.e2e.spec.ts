/**
 * The whole campaign story in the browser, each person in a browser of their
 * own, against the system started as `npm start` starts it (see ../support/browser.ts):
 * the Foreign Ministry's liaison requests a joint campaign (in English); the
 * lead agency's campaign manager accepts it, adds a brief and offers it to
 * creators (in Vietnamese); a creator accepts and submits; three reviewers
 * take the content to approval after one round of changes; the creator
 * publishes and reports reach; the manager's report charts it. Labels are
 * read from the portal's own catalogues, in the language each person uses.
 * Screenshots go to e2e/test-output/campaign-story/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { catalogues } from '@concord/portal/i18n/catalogues';
import {
  apiGet,
  signInAs,
  signInAsCreator,
  startSystem,
  START_TIMEOUT_MS,
  story,
  type RunningSystem,
  type Story,
} from '../support/browser';

type Language = keyof typeof catalogues;

/** The catalogue text at `key` in `language`, with its {{placeholders}} filled. */
function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[language]);
  if (typeof found !== 'string') throw new Error(`No text at ${key} in ${language}`);
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/**
 * A calendar day `n` days from today, as a date field takes it (the story's dates move with the day it runs).
 * (@concord/testing has the same helpers, but its Node-side modules do not load under the portal's jest setup.)
 */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let system: RunningSystem;
const stamp = Date.now().toString(36);
const title = `Công ước Hà Nội: một năm sau ${stamp}`;
const briefTitle = `Một năm Công ước Hà Nội trong 60 giây ${stamp}`;
const keyMessage = 'Việt Nam là đối tác tin cậy';

/** What one chapter of the story leaves for the next. */
const shared: {
  requestUrl?: string;
  campaignId?: string;
  creator?: { id: string; name: string; handle: string; platform: string; channelHandle: string };
  submissionUrl?: string;
  views?: number;
} = {};

/** People in the story, each signed in once in a browser context of their own. */
const people = new Map<string, Story>();
async function person(username: string, chapter: string, signIn: (page: Page) => Promise<void>): Promise<Story> {
  let found = people.get(username);
  if (!found) {
    found = await story(system, `campaign-story/${chapter}`);
    await signIn(found.page);
    people.set(username, found);
  }
  return found;
}
const staff = (username: string, chapter: string) => person(username, chapter, (page) => signInAs(page, username));

async function switchTo(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: text(language, `language.${language}`) }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * One chapter of the story: a story is one test (each chapter needs what the one before left), so a failure
 * names its chapter; where everyone's page was when a chapter ended is kept as a screenshot.
 */
async function chapter(name: string, play: () => Promise<void>): Promise<void> {
  try {
    await play();
  } catch (error) {
    throw new Error(`The chapter "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    for (const { shot } of people.values()) await shot('end-of-chapter', { fullPage: false });
  }
}

describe('the campaign story, played in the browser by everyone in it', () => {
  beforeAll(async () => {
    system = await startSystem();
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    for (const { context } of people.values()) await context.close();
    await system?.stop();
  }, 60_000);

  it('is played chapter by chapter, each building on the one before', async () => {
    await chapter('the Foreign Ministry liaison requests a joint campaign, in English', async () => {
      const { page, shot, errors } = await staff('liaison@mofa', '1-liaison-requests');
      await switchTo(page, 'en');
      const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: t('campaignsArea.nav.requests'), exact: true })
        .click();
      await page.getByRole('link', { name: t('requests.new') }).click();
      await page.getByRole('heading', { level: 1, name: t('requests.form.title') }).waitFor();
      await page.getByLabel(t('requests.form.titleLabel'), { exact: true }).fill(title);
      await page
        .getByLabel(t('requests.form.objective'), { exact: true })
        .fill('Explain to foreign audiences what the Hanoi Convention changed in its first year');
      await page.getByLabel(t('requests.form.keyMessages'), { exact: true }).fill(keyMessage);
      await page.getByLabel(t('requests.form.periodStart'), { exact: true }).fill(day(1));
      await page.getByLabel(t('requests.form.periodEnd'), { exact: true }).fill(day(60));
      await page.getByLabel(t('requests.form.deliverables'), { exact: true }).fill('5 short videos in English');
      await page.getByLabel(t('requests.form.deadline'), { exact: true }).fill(`${day(14)}T10:00`);
      await shot('request-form');
      await page.getByRole('button', { name: t('requests.form.submit') }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(t('requests.detail.sent')).waitFor();
      shared.requestUrl = new URL(page.url()).pathname;
      await shot('request-sent');
      expect(errors).toEqual([]);
    });

    await chapter(
      'the lead agency accepts it, activates the campaign, adds a brief and offers it to creators, in Vietnamese',
      async () => {
        const { page, shot, errors } = await staff('manager@mcst', '2-manager-accepts-and-fans-out');
        const t = (key: string, values?: Record<string, string | number>) => text('vi', key, values);
        // The request waits on the manager's home page.
        await page.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(new URL(page.url()).pathname).toBe(shared.requestUrl);
        await shot('request-in-inbox');
        await page.getByRole('button', { name: t('requests.answer.accept') }).click();
        await page.getByText(t('requests.answer.accepted')).waitFor();
        await page.getByRole('link', { name: t('requests.detail.openCampaign') }).click();
        // The campaign's page has the request's title: wait for its address, not its heading.
        await page.waitForURL(/\/portal\/campaigns\/[^/]+$/);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        shared.campaignId = new URL(page.url()).pathname.split('/').pop();

        await page.getByRole('button', { name: t('campaignsArea.lifecycle.activate') }).click();
        await page.getByText(t('campaignsArea.lifecycle.activated')).waitFor();
        await page.getByRole('button', { name: t('campaignsArea.briefs.addOpen') }).click();
        await page.getByLabel(t('campaignsArea.briefs.titleLabel'), { exact: true }).fill(briefTitle);
        await page.getByLabel(t('campaignsArea.briefs.due'), { exact: true }).fill(`${day(20)}T10:00`);
        await page.getByLabel(t('campaignsArea.briefs.fee'), { exact: true }).fill('3000000');
        for (const platform of ['tiktok', 'facebook'] as const)
          await page.getByRole('checkbox', { name: text('vi', `enums.platform.${platform}`), exact: true }).check();
        await shot('brief-form');
        await page.getByRole('button', { name: t('campaignsArea.briefs.add') }).click();
        await page.getByText(t('campaignsArea.briefs.added', { title: briefTitle })).waitFor();
        await shot('campaign-with-brief');

        // Offered to every creator with a TikTok channel: those without an agreement are skipped, and say so.
        await page.getByRole('link', { name: t('campaignsArea.briefs.offerNamed', { title: briefTitle }) }).click();
        await page.getByRole('heading', { level: 1, name: t('fanOut.start.titleOf', { title: briefTitle }) }).waitFor();
        await page.getByLabel(t('fanOut.start.platform'), { exact: true }).selectOption('tiktok');
        await page.getByRole('button', { name: t('fanOut.start.submit') }).click();
        await page.getByRole('heading', { level: 1, name: t('fanOut.follow.title') }).waitFor();
        await page.getByRole('progressbar', { name: t('fanOut.follow.progress') }).waitFor();
        await page.getByText(/^Hoàn tất: /).waitFor({ timeout: 60_000 });
        // The outcomes run to hundreds of rows: the window's worth shows the counts and the first reasons.
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot('fan-out-complete', { fullPage: false });
        const outcomes = page.getByRole('table', { name: t('fanOut.outcomes.title') });
        const offered = outcomes.getByRole('row').filter({ hasText: t('fanOut.outcomes.offered') });
        const skipped = outcomes.getByRole('row').filter({ hasText: t('fanOut.reason.no_agreement') });
        expect(await offered.count()).toBeGreaterThan(0);
        expect(await skipped.count()).toBeGreaterThan(0);

        const link = offered.first().getByRole('link');
        const creatorId = (await link.getAttribute('href'))!.split('/').pop()!;
        const creator = await apiGet<{ displayName: string; channels: { platform: string; handle: string }[] }>(
          system,
          page,
          `/v1/creators/${creatorId}`,
        );
        const channel = creator.channels.find((c) => c.platform === 'tiktok')!;
        shared.creator = {
          id: creatorId,
          name: creator.displayName,
          handle: channel.handle,
          platform: 'tiktok',
          channelHandle: channel.handle,
        };
        expect(errors).toEqual([]);
      },
    );

    await chapter('a creator accepts the offer and submits content', async () => {
      const creator = shared.creator!;
      const { page, shot, errors } = await person(`creator@${creator.handle}`, '3-creator-submits', (p) =>
        signInAsCreator(p, creator.handle),
      );
      const t = (key: string, values?: Record<string, string | number>) => text('vi', key, values);
      const card = page.getByRole('listitem').filter({ hasText: briefTitle });
      await card.getByRole('button', { name: t('assignments.accept'), exact: true }).click();
      await page.getByText(t('assignments.accepted', { title: briefTitle })).waitFor();
      await shot('offer-accepted');

      // What the content must carry, as the card shows it.
      const assignments = await apiGet<{
        items: { brief: { title: string }; disclosureLabel: string | null; campaign: { requiredHashtags: string[] } }[];
      }>(system, page, '/v1/assignments?mine=true&limit=50');
      const mine = assignments.items.find((a) => a.brief.title === briefTitle)!;
      const mustCarry = [mine.disclosureLabel ?? '', ...mine.campaign.requiredHashtags].join(' ');
      await card.getByRole('link', { name: t('assignments.submit') }).click();
      await page.getByRole('heading', { level: 1, name: t('submit.title') }).waitFor();
      await page.getByLabel(t('submit.platform'), { exact: true }).selectOption(creator.platform);
      await page.getByLabel(t('submit.plannedAt'), { exact: true }).fill(`${day(18)}T09:00`);
      await page
        .getByLabel(t('content.text'), { exact: true })
        .fill(`Một năm sau lễ mở ký: ${keyMessage}. ${mustCarry}`);
      await shot('content-form');
      await page.getByRole('button', { name: t('submit.send') }).click();
      await page.getByText(t('submission.submitted')).waitFor();
      shared.submissionUrl = new URL(page.url()).pathname;
      await shot('submitted');
      expect(errors).toEqual([]);
    });

    await chapter(
      'the first reviewer asks for changes, the creator sends a new version, and three reviewers approve it, one stage each',
      async () => {
        const creator = shared.creator!;
        // Stage 1: the lead agency's reviewer, from the review queue, in English.
        const reviewer = await staff('reviewer@mcst', '4-reviewer-asks-for-changes');
        await switchTo(reviewer.page, 'en');
        const en = (key: string, values?: Record<string, string | number>) => text('en', key, values);
        await reviewer.page
          .getByRole('navigation')
          .getByRole('link', { name: en('nav.reviews') })
          .click();
        await reviewer.page.getByRole('heading', { level: 1, name: en('reviews.title') }).waitFor();
        await reviewer.page.getByRole('row').filter({ hasText: creator.name }).first().getByRole('link').click();
        await reviewer.page.getByRole('heading', { name: en('submission.checks') }).waitFor();
        expect(new URL(reviewer.page.url()).pathname).toBe(shared.submissionUrl);
        // Every automatic check passes: the text carries the label, hashtags and key messages.
        expect(await reviewer.page.locator('.check-passed').count()).toBe(5);
        await reviewer.page.getByLabel(en('review.decision.request_changes')).check();
        await reviewer.page
          .getByRole('textbox', { name: /^Reason/ })
          .fill('Add one sentence in English for foreign viewers');
        await reviewer.page.getByRole('button', { name: en('review.decision.submit') }).click();
        await reviewer.page.getByText(en('review.decided.request_changes')).waitFor();
        await reviewer.shot('changes-requested');

        // The creator reads the reason and sends version 2.
        const author = people.get(`creator@${creator.handle}`)!;
        const vi = (key: string, values?: Record<string, string | number>) => text('vi', key, values);
        // From the assignment card, which follows the submission: changes requested, and a way to the new version (not "Submit content").
        await author.page.goto('/portal/');
        const card = author.page.getByRole('listitem').filter({ hasText: briefTitle });
        await card.getByText(vi('enums.submissionStatus.changes_requested'), { exact: true }).waitFor();
        expect(await card.getByRole('link', { name: vi('assignments.submit') }).count()).toBe(0);
        await card.getByRole('link', { name: vi('assignments.newVersion') }).click();
        await author.page.getByText('Add one sentence in English for foreign viewers').first().waitFor();
        expect(new URL(author.page.url()).pathname).toBe(shared.submissionUrl);
        const newVersion = author.page.getByRole('region', { name: vi('submission.newVersion.title') });
        const textBox = newVersion.getByLabel(vi('content.text'), { exact: true });
        await textBox.fill(`${await textBox.inputValue()}\nOne year on, Viet Nam is a trusted partner.`);
        await newVersion.getByRole('button', { name: vi('submission.newVersion.submit') }).click();
        await author.page.getByText(vi('submission.newVersion.sent')).waitFor();
        await author.shot('new-version-sent');

        // Three reviewers, one per stage: the lead agency's reviewer, its legal officer, the Foreign Ministry's reviewer.
        const approve = async (who: Story, language: Language) => {
          const l = (key: string) => text(language, key);
          await who.page.goto(`/portal${shared.submissionUrl!.replace(/^\/portal/, '')}`);
          await who.page.getByRole('heading', { name: l('review.decision.title') }).waitFor();
          await who.page.getByLabel(l('review.decision.approve'), { exact: true }).check();
          await who.page.getByRole('button', { name: l('review.decision.submit') }).click();
          await who.page.getByText(l('review.decided.approve')).waitFor();
        };
        await approve(reviewer, 'en');
        await reviewer.shot('approved-stage-1');
        const legal = await staff('legal@mcst', '5-legal-approves');
        await approve(legal, 'vi');
        await legal.shot('approved-stage-2');
        const partner = await staff('reviewer@mofa', '6-foreign-ministry-approves');
        await switchTo(partner.page, 'en');
        await approve(partner, 'en');
        await partner.page.getByText(text('en', 'enums.submissionStatus.approved'), { exact: true }).first().waitFor();
        await partner.shot('approved');
        for (const who of [reviewer, author, legal, partner]) expect(who.errors).toEqual([]);
      },
    );

    await chapter(
      'the creator records the publication and its reach; the campaign report charts the reach',
      async () => {
        const creator = shared.creator!;
        const author = people.get(`creator@${creator.handle}`)!;
        const vi = (key: string, values?: Record<string, string | number>) => text('vi', key, values);
        await author.page.reload();
        const publication = author.page.getByRole('region', { name: vi('submission.publication.title') });
        await publication
          .getByLabel(vi('submission.publication.url'), { exact: true })
          .fill(`https://www.tiktok.com/@${creator.channelHandle}/video/7431234567890123456`);
        const now = new Date(Date.now() - 5 * 60_000);
        await publication
          .getByLabel(vi('submission.publication.at'), { exact: true })
          .fill(now.toISOString().slice(0, 16));
        await publication.getByRole('button', { name: vi('submission.publication.submit') }).click();
        await author.page.getByText(vi('submission.publication.done')).waitFor();
        shared.views = 48_250;
        const metrics = author.page.getByRole('region', { name: vi('submission.metrics.title') });
        await metrics.getByLabel(vi('submission.metrics.views'), { exact: true }).fill(String(shared.views));
        await metrics.getByLabel(vi('submission.metrics.likes'), { exact: true }).fill('3100');
        await metrics.getByLabel(vi('submission.metrics.comments'), { exact: true }).fill('240');
        await metrics.getByLabel(vi('submission.metrics.shares'), { exact: true }).fill('510');
        await metrics.getByRole('button', { name: vi('submission.metrics.submit') }).click();
        await author.page.getByText(vi('submission.metrics.done')).waitFor();
        await author.shot('reach-reported');

        const manager = people.get('manager@mcst')!;
        const t = (key: string, values?: Record<string, string | number>) => text('vi', key, values);
        await manager.page.goto(`/portal/campaigns/${shared.campaignId}`);
        await manager.page.getByRole('heading', { level: 1, name: title }).waitFor();
        await manager.page.getByRole('link', { name: t('campaignsArea.page.report'), exact: true }).click();
        await manager.page.getByRole('heading', { level: 1, name: t('report.title', { campaign: title }) }).waitFor();
        const perDay = manager.page.getByRole('figure', { name: t('report.time.caption') });
        await perDay.locator('svg.recharts-surface').waitFor();
        // The chart draws the reported views, and its table says the same number.
        const views = new Intl.NumberFormat('vi-VN').format(shared.views);
        await manager.page
          .getByRole('table', { name: t('report.time.tableCaption') })
          .getByText(views)
          .first()
          .waitFor();
        // One day of reach so far: the chart marks it with a dot.
        await perDay.locator('.recharts-area-dots .recharts-dot').first().waitFor();
        await manager.page
          .getByRole('figure', { name: t('report.platforms.caption') })
          .locator('.recharts-bar-rectangle')
          .first()
          .waitFor();
        await manager.shot('report-with-reach');
        expect(author.errors).toEqual([]);
        expect(manager.errors).toEqual([]);
      },
    );
  }, 600_000);
});
