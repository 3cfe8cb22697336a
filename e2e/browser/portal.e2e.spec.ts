/**
 * The portal in a real browser against the real system, started as the
 * README starts it (see ../support/browser.ts). Each story saves screenshots to
 * e2e/test-output/<story>/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  apiGet,
  signInAs,
  signInAsCreator,
  startSystem,
  START_TIMEOUT_MS,
  story as newStory,
  type RunningSystem,
} from '../support/browser';

let system: RunningSystem;
const story = (name: string) => newStory(system, name);

describe('the admin portal in Chromium, against the running system', () => {
  beforeAll(async () => {
    system = await startSystem();
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('a registrar signs in from the picker, registers a creator, sees their personal data with a reason, and is told about a duplicate channel without losing what was typed', async () => {
    const { page, context, shot, errors } = await story('registrar-duplicate-channel');
    const handle = `portal${Date.now().toString(36)}`;
    const first = `Nguyễn Thị E2E ${handle}`;
    const second = `Trần Văn E2E ${handle}`;

    await page.goto('/portal/');
    // Signed out: the portal asks to sign in first.
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
    await page.getByRole('heading', { name: 'Người dùng mẫu' }).waitFor();
    await shot('sign-in');
    await page.getByRole('button', { name: /registrar@mcst/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Lê Thu Hà' }).waitFor();
    await shot('home');

    await page.getByRole('navigation').getByRole('link', { name: 'Nhà sáng tạo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhà sáng tạo' }).waitFor();
    await page.getByLabel('Tên hoặc kênh').fill('lan anh travl');
    await page.getByRole('row').filter({ hasText: 'Lan Anh Travel' }).first().waitFor();
    await shot('search-as-you-type');

    await page.getByRole('link', { name: 'Đăng ký nhà sáng tạo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký nhà sáng tạo' }).waitFor();
    await page.getByLabel('Tên hiển thị', { exact: true }).fill(first);
    await page.getByLabel('Tên tài khoản', { exact: true }).fill(handle);
    await page.getByLabel('Người theo dõi', { exact: true }).fill('120.000');
    await page.getByLabel('Địa chỉ kênh', { exact: true }).fill(`https://www.tiktok.com/@${handle}`);
    await page.getByLabel('Du lịch', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Ngôn ngữ (không bắt buộc)' }).fill('vi, en');
    await page.getByLabel('Họ tên theo giấy tờ').fill(first);
    await page.getByLabel('Số định danh cá nhân').fill('001199012345');
    await page.getByLabel('Ngày đồng ý').fill('2026-01-05');
    await page.getByLabel('Phạm vi').fill('registry');
    await page.getByLabel('Căn cứ').fill('phiếu 12/2026');
    await page.getByRole('button', { name: 'Đăng ký nhà sáng tạo' }).click();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã đăng ký ${first}.` })
      .waitFor();
    const firstId = new URL(page.url()).pathname.split('/').pop()!;
    await shot('registered');

    await page.getByRole('button', { name: 'Hiển thị, kèm lý do…' }).click();
    await page.getByLabel('Vì sao bạn cần xem?').fill('Kiểm thử đầu cuối');
    await page.getByRole('button', { name: 'Hiển thị dữ liệu cá nhân' }).click();
    await page.getByText('001199012345').waitFor();
    await shot('personal-data-with-reason');

    // The same TikTok channel again, written differently: the registry knows it is the same.
    await page.goto('/portal/creators/new');
    await page.getByRole('heading', { level: 1, name: 'Đăng ký nhà sáng tạo' }).waitFor();
    await page.getByLabel('Tên hiển thị', { exact: true }).fill(second);
    await page.getByLabel('Tên tài khoản', { exact: true }).fill(`@${handle.toUpperCase()}`);
    await page.getByLabel('Người theo dõi', { exact: true }).fill('5000');
    await page.getByLabel('Địa chỉ kênh', { exact: true }).fill(`https://www.tiktok.com/@${handle}`);
    await page.getByRole('button', { name: 'Đăng ký nhà sáng tạo' }).click();

    const handleInput = page.getByLabel('Tên tài khoản', { exact: true });
    await page.waitForFunction(
      () => document.querySelector('#register-channels-0-handle')?.getAttribute('aria-invalid') === 'true',
    );
    const describedBy = (await handleInput.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      describedBy,
    );
    expect(description).toContain(`Đã được đăng ký cho ${first}.`);
    const ownerLinks = page.getByRole('link', { name: `Mở trang của nhà sáng tạo: ${first}` });
    expect(await ownerLinks.count()).toBeGreaterThan(0);
    expect(await ownerLinks.first().getAttribute('href')).toBe(`/portal/creators/${firstId}`);
    // Nothing typed is lost.
    expect(await page.getByLabel('Tên hiển thị', { exact: true }).inputValue()).toBe(second);
    expect(await handleInput.inputValue()).toBe(`@${handle.toUpperCase()}`);
    expect(await page.getByLabel('Người theo dõi', { exact: true }).inputValue()).toBe('5000');
    expect(await page.getByLabel('Địa chỉ kênh', { exact: true }).inputValue()).toBe(
      `https://www.tiktok.com/@${handle}`,
    );
    await shot('duplicate-channel');

    await ownerLinks.first().click();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches between Vietnamese and English, and remembers the choice', async () => {
    const { page, context, shot, errors } = await story('language-switch');
    await page.goto('/portal/sign-in');
    await page.getByRole('heading', { name: 'Người dùng mẫu' }).waitFor();
    // By keyboard: the page opens with focus on its heading, the next stop is the first demo user,
    // and a demo user is one Enter away.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Đăng nhập');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/admin@mcst/);
    await page.getByRole('button', { name: /manager@mcst/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Phạm Đức Anh' }).waitFor();
    // A new page puts focus on its heading, where a screen reader starts reading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await shot('home-vi');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Phạm Đức Anh' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Creators' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Joint campaign requests to answer' }).isVisible()).toBe(true);
    await shot('home-en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hello, Phạm Đức Anh' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Creators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Creators' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await shot('creators-en-after-reload');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhà sáng tạo' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the public register of partnerships without signing in, with the CSV', async () => {
    const { page, context, shot, errors } = await story('public-register');
    await page.goto('/portal/partnerships');
    await page.getByRole('heading', { level: 1, name: 'Sổ đăng ký công khai các thỏa thuận hợp tác' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'TTDN-' }).first().waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await shot('public-register');

    const csvLink = page.getByRole('link', { name: 'Tải toàn bộ sổ đăng ký (CSV)' });
    const href = await csvLink.getAttribute('href');
    expect(href).toBe('/v1/public/partnerships.csv');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toMatch(/^number,agency,counterparty,[^\r\n]*\r\n"TTDN-/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reviewer works through the review queue and asks for changes; a creator accepts an offered assignment', async () => {
    const { page, context, shot, errors } = await story('review-and-creator');
    await signInAs(page, 'reviewer@mcst');
    // Who has an offer open in the demo data, asked of the API with the reviewer's own token.
    const offered = await apiGet<{ items: { creatorId: string; brief: { title: string } }[] }>(
      system,
      page,
      '/v1/assignments?status=offered&limit=5',
    );
    expect(offered.items.length).toBeGreaterThan(0);
    const offeredCreator = await apiGet<{ channels: { handle: string }[] }>(
      system,
      page,
      `/v1/creators/${offered.items[0].creatorId}`,
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Duyệt nội dung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hàng chờ duyệt' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await shot('review-queue');

    await page.getByRole('row').nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: 'Kiểm tra tự động' }).waitFor();
    const text = page.getByRole('textbox', { name: /Chọn chữ trong nội dung/ });
    expect(await text.inputValue()).toContain('Việt Nam');
    expect(await page.locator('.check').count()).toBe(5);
    // A comment on a word of the text, selected with the mouse.
    await text.dblclick({ position: { x: 40, y: 20 } });
    await page.getByText('Về đoạn').waitFor();
    await page.getByLabel('Nội dung góp ý').fill('Thêm một câu tiếng Anh ở đây');
    await page.getByRole('button', { name: 'Thêm góp ý' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm góp ý.' }).waitFor();
    await shot('review-screen');

    // Asking for changes needs a reason: the form says so before sending.
    await page.getByLabel('Yêu cầu chỉnh sửa').check();
    await page.getByRole('button', { name: 'Gửi quyết định' }).click();
    const reason = page.getByRole('textbox', { name: /^Lý do/ });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Cần thêm phần tiếng Anh cho khán giả quốc tế');
    await page.getByRole('button', { name: 'Gửi quyết định' }).click();
    await page.getByRole('status').filter({ hasText: 'Bạn đã yêu cầu nhà sáng tạo chỉnh sửa.' }).waitFor();
    await page.getByText('Cần chỉnh sửa', { exact: true }).first().waitFor();
    await shot('changes-requested');
    expect(errors).toEqual([]);
    await context.close();

    // The creator, in a browser of their own.
    const creator = await story('creator-accepts-offer');
    await signInAsCreator(creator.page, offeredCreator.channels[0].handle);
    const card = creator.page
      .getByRole('listitem')
      .filter({ hasText: offered.items[0].brief.title })
      .filter({ has: creator.page.getByRole('button', { name: 'Nhận', exact: true }) });
    await card.waitFor();
    await creator.shot('creator-offer');
    await card.getByRole('button', { name: 'Nhận', exact: true }).click();
    await creator.page.getByRole('link', { name: 'Gửi nội dung' }).first().waitFor();
    await creator.shot('creator-accepted');
    expect(creator.errors).toEqual([]);
    await creator.context.close();
  });
});
