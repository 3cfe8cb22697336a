/**
 * What the portal's browser stories share: the system started as the README
 * starts it (`node infra/start-system.mjs`: PostgreSQL, NATS, every service,
 * the gateway serving the portal, the demo data) on free ports with its own
 * data folder; Debian's Chromium driven by playwright-core; a fresh browser
 * context per person, saving numbered screenshots to e2e/test-output/<story>/.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot as root } from './paths';

const outputDir = join(root, 'e2e/test-output');
const CHROMIUM = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';
export const START_TIMEOUT_MS = 180_000;

export interface RunningSystem {
  /** The gateway's address, e.g. http://127.0.0.1:41234 (the portal is at /portal/). */
  base: string;
  browser: Browser;
  stop: () => Promise<void>;
}

export interface Story {
  page: Page;
  context: BrowserContext;
  /** Saves the page (all of it, or what the window shows) as the story's next numbered screenshot. */
  shot: (step: string, options?: { fullPage?: boolean }) => Promise<void>;
  /** Uncaught errors of the page's scripts, and anything the Content-Security-Policy refused: a story ends by expecting none. */
  errors: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** Launches Chromium and starts the system as `npm start` does; resolves once it is ready and the demo data is in. */
export async function startSystem(): Promise<RunningSystem> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. Install Debian's Chromium: apt-get update && apt-get install -y chromium ` +
        '(.ci/run does this), or set CONCORD_CHROMIUM to a Chromium binary.',
    );
  }
  for (const built of ['apps/gateway/dist/main.js', 'apps/registry/dist/main.js', 'apps/portal/dist/index.html']) {
    if (!existsSync(join(root, built)))
      throw new Error(`${built} is missing: build first (npm run build, or npm test, which builds)`);
  }
  const [port, pgPort, natsPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-portal-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONCORD_DATA_DIR: dataDir,
    CONCORD_PG_PORT: String(pgPort),
    CONCORD_NATS_PORT: String(natsPort),
    PORT: String(port),
    HOST: '127.0.0.1',
    CONCORD_ENV: 'portal_e2e',
    CONCORD_DEV_AUTH: '1',
    LOG_LEVEL: 'warn',
  };
  // Its own PostgreSQL and NATS, whatever the caller's environment points at.
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const child = spawn(process.execPath, [join(root, 'infra/start-system.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await browser.close();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`infra/start-system.mjs exited (${child.exitCode}):\n${tail(output)}`);
      // The whole system answers (every service), not only the gateway's own connections.
      const ready = await fetch(`${base}/health/system`).then(
        (r) => r.ok,
        () => false,
      );
      // Ready, and the demo data seeded: start-system prints the portal's address last.
      if (ready && output.includes(`${base}/portal/`)) return { base, browser, stop };
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`The system was not ready within ${START_TIMEOUT_MS / 1000} s:\n${tail(output)}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A fresh browser context (nothing signed in, no language chosen) for one person of a story. */
export async function story(system: RunningSystem, name: string): Promise<Story> {
  const dir = join(outputDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context = await system.browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: system.base });
  const page = await context.newPage();
  const errors: string[] = [];
  // What the browser said, for whoever looks into a failed story: <story>/browser.log.
  const log = (line: string) => appendFileSync(join(dir, 'browser.log'), `${new Date().toISOString()} ${line}\n`);
  page.on('pageerror', (error) => {
    errors.push(error.message);
    log(`page error: ${error.stack ?? error.message}`);
  });
  page.on('console', (message) => {
    log(`console.${message.type()}: ${message.text()}`);
    // A page the router could not show (its code did not load, or it failed while drawing): see components/route-error.tsx.
    if (message.type() === 'error' && message.text().startsWith('The page could not be shown'))
      errors.push(message.text());
    // The gateway serves the portal under a Content-Security-Policy (apps/gateway/src/http/security-headers.ts); Chromium reports what it refused.
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) errors.push(message.text());
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) log(`at ${frame.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    log(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  let n = 0;
  const shot = async (step: string, { fullPage = true }: { fullPage?: boolean } = {}) => {
    n += 1;
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${step}.png`), fullPage });
  };
  return { page, context, shot, errors };
}

const RATE_LIMITED = /Bạn đã thử quá nhiều lần|Too many attempts/;

/**
 * Clicks `signIn` on the sign-in page until `signedIn` shows. Dev sign-ins are
 * limited to 30 a minute and seeding the demo used many, so when the page
 * says to wait, the story waits and tries again.
 */
async function signInRetrying(page: Page, signIn: () => Promise<void>, signedIn: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await signIn();
    const outcome = await Promise.race([
      signedIn().then(
        () => 'in' as const,
        () => 'timeout' as const,
      ),
      page
        .getByText(RATE_LIMITED)
        .waitFor()
        .then(
          () => 'limited' as const,
          () => 'timeout' as const,
        ),
    ]);
    if (outcome === 'in') return;
    if (outcome === 'timeout') throw new Error('Neither signed in nor told to wait');
    if (attempt === 4) throw new Error('Still rate-limited after three waits');
    await page.waitForTimeout(20_000);
  }
}

/** Signs in from the dev picker as the seeded user `username` (e.g. manager@mcst); the home page greets them. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/portal/sign-in');
  const button = page.getByRole('button', { name: new RegExp(`\\(${username.replace(/[.@]/g, '\\$&')},`) });
  await signInRetrying(
    page,
    () => button.click(),
    () => page.getByRole('heading', { level: 1, name: /Xin chào|Hello/ }).waitFor(),
  );
}

/** Signs in as the creator owning the channel `handle`; their assignments show. */
export async function signInAsCreator(page: Page, handle: string): Promise<void> {
  await page.goto('/portal/sign-in');
  await page.getByLabel(/Tên tài khoản kênh|Channel handle/).fill(handle);
  await signInRetrying(
    page,
    () => page.getByRole('button', { name: /Đăng nhập với tư cách nhà sáng tạo này|Sign in as this creator/ }).click(),
    () => page.getByRole('heading', { name: /Nhiệm vụ của tôi|My assignments/ }).waitFor(),
  );
}

/** The signed-in page's API token, to ask the API what a story needs to know (not to act for the person). */
export async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('concord.token'));
  if (!token) throw new Error('Nobody is signed in on this page');
  return token;
}

/** GET on the API with a signed-in page's token. */
export async function apiGet<T>(system: RunningSystem, page: Page, path: string): Promise<T> {
  const response = await fetch(`${system.base}${path}`, {
    headers: { authorization: `Bearer ${await tokenOf(page)}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
