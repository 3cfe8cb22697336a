// The admin portal (apps/portal): its production bundle's size, and how long
// the home page takes to become interactive in headless Chromium against the
// running system. Called by bench/run.mjs as the `portal` section.
//
// Bundle: apps/portal/dist/index.html names the initial JavaScript, the entry
// `<script type="module">` and its `<link rel="modulepreload">`s; each file is
// gzipped with node:zlib at level 9 (as vite's build report does) and summed.
// Also: all JavaScript in dist/assets, the largest lazy chunk, and the CSS.
//
// Time to interactive, "interactive" defined as: the page's content has
// rendered with its data (home: the heading and every block of the home page
// present, no block `aria-busy`, no loading indicator anywhere; an error alert
// fails the run), and then the main thread is idle (a `requestIdleCallback`
// fires). Measured inside the page from navigation start (performance.now(),
// whose origin is the navigation's start), by a MutationObserver installed
// with `addInitScript` before the navigation, so it is not a polling interval.
// PerformanceNavigationTiming's responseEnd, domContentLoadedEventEnd and
// loadEventEnd come with each run. manager@mcst is signed in by putting a dev
// token (`POST /v1/auth/dev-token`) where the portal keeps it (sessionStorage
// `concord.token`, apps/portal/src/session/token-store.ts) before navigating.
// Cold: each in a fresh browser context (empty HTTP cache, new connections).
// Warm: the same context navigated again (hashed assets cached, index.html
// revalidated, as a user coming back to the tab).
//
// Baseline, same run, same protocol: the public register (`/portal/partnerships`,
// signed out): the same shell and bundle, one lazy page chunk and one API call,
// so the difference is what the home page itself costs (the `/v1/me` check,
// its chunk, its five or six API calls and their rendering).
//
//   BENCH_PORTAL_COLD  cold runs (fresh context each)       (5)
//   BENCH_PORTAL_WARM  warm runs (same context)             (20)
//   BENCH_PORTAL_USER  who is signed in                     (manager@mcst)
// apps/portal/dist is copied aside before the gateway starts (snapshotPortalDist)
// and the gateway serves the copy (PORTAL_DIR), so a rebuild during the run
// cannot pull files from under the browser.
//
//   CONCORD_CHROMIUM   the Chromium binary                  (/usr/bin/chromium)
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'apps/portal/dist');
// The copy of apps/portal/dist the gateway serves and the bench measures (snapshotPortalDist).
let dist = built;

const COLD = Number(process.env.BENCH_PORTAL_COLD ?? 5);
const WARM = Number(process.env.BENCH_PORTAL_WARM ?? 20);
const USER = process.env.BENCH_PORTAL_USER ?? 'manager@mcst';
const CHROMIUM = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';
const TOKEN_KEY = 'concord.token';
export const INITIAL_JS_TARGET_KB = 300;
export const INTERACTIVE_TARGET_MS = 1500;

/** What is wrong with a dist folder (a file it names that is not there), or undefined if it is whole. */
function incomplete(dir) {
  if (!existsSync(join(dir, 'index.html'))) return 'no index.html';
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/portal\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const assets = existsSync(join(dir, 'assets')) ? readdirSync(join(dir, 'assets')) : [];
  for (const f of assets.filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dir, 'assets', f), 'utf8');
    for (const m of text.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)) named.push(`assets/${m[1]}`);
  }
  return named.find((file) => !existsSync(join(dir, file)));
}

/**
 * Copies apps/portal/dist (without source maps) to a folder of its own, for
 * the gateway to serve (PORTAL_DIR) and the bench to measure: a rebuild of the
 * portal during the bench (someone working on it) then changes nothing under
 * it. Waits up to 3 minutes for a build in progress to leave a whole dist.
 */
export async function snapshotPortalDist(log) {
  for (let attempt = 0; ; attempt++) {
    const missing = incomplete(built);
    if (!missing) {
      const copy = mkdtempSync(join(tmpdir(), 'concord-bench-portal-'));
      cpSync(built, copy, { recursive: true, filter: (src) => !src.endsWith('.map') });
      if (!incomplete(copy)) {
        dist = copy;
        return {
          dir: copy,
          builtAt: statSync(join(built, 'index.html')).mtime,
          remove: () => rmSync(copy, { recursive: true, force: true }),
        };
      }
      rmSync(copy, { recursive: true, force: true });
    }
    if (attempt >= 36)
      throw new Error(
        `apps/portal/dist is not whole (${missing ?? 'changed while copied'}): build it (npx turbo run build)`,
      );
    if (attempt === 0)
      log(`apps/portal/dist is not whole (${missing ?? 'changed while copied'}): waiting for the build in progress`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

const gzipBytes = (buffer) => gzipSync(buffer, { level: zlib.Z_BEST_COMPRESSION }).length;
const kb = (bytes) => bytes / 1000;

/** Sizes of the built portal, from its index.html and dist/assets. */
export function bundleSizes(builtAt) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const fileOf = (src) => join(dist, src.replace(/^\/portal\//, '').replace(/^\//, ''));
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const entries = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /type="module"/.test(tag) && attr(tag, 'src'))
    .map((tag) => attr(tag, 'src'));
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="modulepreload"/.test(tag))
    .map((tag) => attr(tag, 'href'));
  const styles = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="stylesheet"/.test(tag))
    .map((tag) => attr(tag, 'href'));
  if (!entries.length) throw new Error(`No <script type="module" src> in ${join(dist, 'index.html')}`);
  const measure = (file) => {
    const buffer = readFileSync(file);
    return { file: basename(file), raw: buffer.length, gzip: gzipBytes(buffer) };
  };
  const initial = [...new Set([...entries, ...preloads])].map((src) => measure(fileOf(src)));
  const initialNames = new Set(initial.map((f) => f.file));
  const allJs = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => measure(join(dist, 'assets', f)));
  const lazy = allJs.filter((f) => !initialNames.has(f.file)).sort((a, b) => b.gzip - a.gzip);
  const css = styles.map((href) => measure(fileOf(href)));
  const sum = (list, k) => list.reduce((s, f) => s + f[k], 0);
  return {
    builtAt: builtAt ?? statSync(join(dist, 'index.html')).mtime,
    initial,
    initialGzip: sum(initial, 'gzip'),
    initialRaw: sum(initial, 'raw'),
    allJsGzip: sum(allJs, 'gzip'),
    allJsRaw: sum(allJs, 'raw'),
    allJsCount: allJs.length,
    lazyCount: lazy.length,
    largestLazy: lazy[0],
    cssGzip: sum(css, 'gzip'),
    gzipOf: new Map(allJs.map((f) => [f.file, f.gzip])),
  };
}

// Installed in the page before any of its scripts: resolves window.__benchInteractive
// once `ready()` holds (checked on every DOM mutation) and then an idle callback fires.
const probe = ({ kind, tokenKey, token }) => {
  if (token) sessionStorage.setItem(tokenKey, token);
  else sessionStorage.removeItem(tokenKey);
  const ready = () => {
    const page = document.querySelector('main .page, .page');
    if (!page || !page.querySelector('h1')) return false;
    if (document.querySelector('.loading, [aria-busy="true"]')) return false;
    if (page.querySelector('[role="alert"]')) return 'error';
    if (kind === 'home') return page.querySelector('.blocks > section.block') ? true : false;
    return page.querySelector('.data-table, .empty') ? true : false;
  };
  window.__benchInteractive = new Promise((resolve) => {
    let done = false;
    const check = () => {
      if (done) return;
      const state = ready();
      if (!state) return;
      done = true;
      observer.disconnect();
      const rendered = performance.now();
      if (state === 'error')
        return resolve({ error: document.querySelector('[role="alert"]')?.textContent ?? 'alert', rendered });
      requestIdleCallback(() => resolve({ rendered, idle: performance.now() }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy', 'class'],
    });
  });
};

async function measureOnce(page, url, kind, gzipOf) {
  await page.goto(url, { waitUntil: 'commit' });
  const result = await page.evaluate(() =>
    Promise.race([
      window.__benchInteractive,
      new Promise((resolve) => setTimeout(() => resolve({ error: 'not interactive within 30 s' }), 30_000)),
    ]),
  );
  if (result.error) {
    const seen = await page
      .evaluate(() => ({
        h1: document.querySelector('h1')?.textContent,
        loading: !!document.querySelector('.loading'),
        busy: !!document.querySelector('[aria-busy="true"]'),
        alert: document.querySelector('[role="alert"]')?.textContent,
        path: location.pathname,
      }))
      .catch(() => ({}));
    throw new Error(`${url}: ${result.error} (page: ${JSON.stringify(seen)})`);
  }
  await page.waitForLoadState('load');
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || /\.js$/.test(r.name));
    const apiEntries = performance
      .getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.startsWith('/v1/'));
    const api = apiEntries.map((r) => new URL(r.name).pathname);
    return {
      responseEnd: nav.responseEnd,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      apiStart: apiEntries.length ? Math.min(...apiEntries.map((r) => r.startTime)) : NaN,
      apiEnd: apiEntries.length ? Math.max(...apiEntries.map((r) => r.responseEnd)) : NaN,
      lastJs: Math.max(0, ...scripts.filter((r) => /\.js$/.test(r.name)).map((r) => r.responseEnd)),
      scripts: scripts.map((r) => new URL(r.name).pathname),
      api,
      items: document.querySelectorAll('.page .work-list > li, .page .data-table tbody tr').length,
      blocks: [...document.querySelectorAll('.page .blocks > section.block h2')].map((h) =>
        h.id.replace(/-title$/, ''),
      ),
    };
  });
  const jsFiles = [...new Set(timing.scripts.filter((p) => p.endsWith('.js')).map((p) => basename(p)))];
  return {
    ...timing,
    ...result,
    jsGzip: jsFiles.reduce((s, f) => s + (gzipOf.get(f) ?? 0), 0),
    jsFiles: jsFiles.length,
  };
}

async function measurePage(browser, base, { kind, path, token, gzipOf, log }) {
  const url = `${base}${path}`;
  const init = { kind, tokenKey: TOKEN_KEY, token };
  const cold = [];
  for (let i = 0; i < COLD; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probe, init);
    const page = await context.newPage();
    cold.push(await measureOnce(page, url, kind, gzipOf));
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe, init);
  const page = await context.newPage();
  await measureOnce(page, url, kind, gzipOf); // fills the cache: not counted
  const warm = [];
  for (let i = 0; i < WARM; i++) warm.push(await measureOnce(page, url, kind, gzipOf));
  await context.close();
  log(
    `${path}: cold idle ${cold.map((r) => r.idle.toFixed(0)).join(', ')} ms; warm median ${median(warm.map((r) => r.idle)).toFixed(0)} ms`,
  );
  return { path, cold, warm };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const median = (values) => percentile(values, 50);

/** Measures the bundle and, with the system running at `base`, the home page and the baseline. */
export async function benchPortal({ base, log, devToken, builtAt }) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('apps/portal/dist/index.html is missing: build first (npx turbo run build)');
  const bundle = bundleSizes(builtAt);
  log(`Portal bundle: initial JS ${kb(bundle.initialGzip).toFixed(1)} kB gzip (${bundle.initial.length} files)`);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium, or set CONCORD_CHROMIUM`);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  try {
    const version = browser.version();
    const token = await devToken(base, USER);
    log(`Portal home page as ${USER}: ${COLD} cold, ${WARM} warm navigations; then the public register, signed out`);
    const home = await measurePage(browser, base, {
      kind: 'home',
      path: '/portal/',
      token,
      gzipOf: bundle.gzipOf,
      log,
    });
    const baseline = await measurePage(browser, base, {
      kind: 'register',
      path: '/portal/partnerships',
      token: undefined,
      gzipOf: bundle.gzipOf,
      log,
    });
    // The floor under both: one GET /health from Node, same gateway.
    const health = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await (await fetch(`${base}/health`)).arrayBuffer();
      health.push(performance.now() - t);
    }
    return { bundle, home, baseline, health: median(health), chromium: version, user: USER };
  } finally {
    await browser.close();
  }
}

const ms = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const met = (ok) => (ok ? '**met**' : '**not met**');

export function portalSection(r, { machine, when, data }) {
  const { bundle, home, baseline } = r;
  const row = (name, runs) => {
    const col = (k) => runs.map((x) => x[k]);
    return `| ${name} | ${runs.length} | ${ms(median(col('responseEnd')))} | ${ms(median(col('dcl')))} | ${ms(median(col('load')))} | ${ms(median(col('apiStart')))} | ${ms(median(col('apiEnd')))} | ${ms(median(col('rendered')))} | **${ms(median(col('idle')))}** | ${ms(percentile(col('idle'), 95))} | ${ms(Math.max(...col('idle')))} |`;
  };
  const homeWarm = median(home.warm.map((x) => x.idle));
  const homeWarmP95 = percentile(
    home.warm.map((x) => x.idle),
    95,
  );
  const homeCold = median(home.cold.map((x) => x.idle));
  const first = home.cold[0];
  const sample = home.warm[home.warm.length - 1];
  const initialOk = kb(bundle.initialGzip) < INITIAL_JS_TARGET_KB;
  const interactiveOk = Math.max(homeCold, homeWarmP95) < INTERACTIVE_TARGET_MS;
  return `## Admin portal: bundle size and home page time to interactive (\`npm run bench\`)

Run ${when} UTC on ${machine}. Headless Chromium ${r.chromium} (playwright-core), 1280×900, no CPU or network throttling,
against the system the bench started (gateway serving apps/portal/dist at /portal/, every service, PostgreSQL, NATS on the same machine).
${data}

**Bundle** (apps/portal/dist built ${bundle.builtAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, copied aside when the bench started and served from there; gzip by node:zlib at level 9, as vite reports; kB = 1,000 bytes).
Initial JavaScript = the entry \`<script type="module">\` of dist/index.html and its \`<link rel="modulepreload">\`s.

| files | count | raw kB | gzip kB |
|---|---|---|---|
${bundle.initial.map((f) => `| initial: ${f.file} | 1 | ${kb(f.raw).toFixed(1)} | ${kb(f.gzip).toFixed(1)} |`).join('\n')}
| **initial JavaScript** | ${bundle.initial.length} | ${kb(bundle.initialRaw).toFixed(1)} | **${kb(bundle.initialGzip).toFixed(1)}** |
| all JavaScript in dist/assets | ${bundle.allJsCount} | ${kb(bundle.allJsRaw).toFixed(1)} | ${kb(bundle.allJsGzip).toFixed(1)} |
| largest lazy chunk: ${bundle.largestLazy?.file ?? '–'} | 1 | ${kb(bundle.largestLazy?.raw ?? 0).toFixed(1)} | ${kb(bundle.largestLazy?.gzip ?? 0).toFixed(1)} |

- Initial JavaScript **${kb(bundle.initialGzip).toFixed(1)} kB gzip** (target < ${INITIAL_JS_TARGET_KB} kB): ${met(initialOk)}. CSS ${kb(bundle.cssGzip).toFixed(1)} kB gzip besides.
  The home page itself loads ${first.jsFiles} JavaScript files, ${kb(first.jsGzip).toFixed(1)} kB gzip in all (initial + its lazy chunks).

**Time to interactive** as ${r.user}, signed in with a dev token put in sessionStorage before navigating. Times in ms from navigation start.
Interactive = the page has rendered with its data (home: heading and every block present, no block \`aria-busy\`, no loading
indicator; public register: its table or its empty note, nothing loading) *and* a \`requestIdleCallback\` then fired; detected in the page by
a MutationObserver, not by polling. Every column but the last two is a median. Cold: a fresh browser context each (empty cache); warm: the same tab navigated again
(hashed assets from cache, index.html revalidated), after one unmeasured navigation. The baseline is the public register
(\`/portal/partnerships\`, signed out) by the same protocol: same shell and bundle, one lazy page chunk, one API call.

| page | runs | response end | DOMContentLoaded | load | first API call sent | last API answer in | data rendered | **interactive** (median) | interactive p95 | max |
|---|---|---|---|---|---|---|---|---|---|---|
${row('home `/portal/`, cold', home.cold)}
${row('home `/portal/`, warm', home.warm)}
${row('baseline: public register, cold', baseline.cold)}
${row('baseline: public register, warm', baseline.warm)}

- Home page interactive: cold median **${ms(homeCold)} ms** (first run of all ${ms(first.idle)} ms), warm median **${ms(homeWarm)} ms**, warm p95 ${ms(homeWarmP95)} ms (target < ${INTERACTIVE_TARGET_MS} ms, taken as cold median and warm p95 both under it): ${met(interactiveOk)}.
  Over the baseline at the median: cold ${(homeCold / median(baseline.cold.map((x) => x.idle))).toFixed(2)}×, warm ${(homeWarm / median(baseline.warm.map((x) => x.idle))).toFixed(2)}×.
- The home page showed the blocks ${sample.blocks.map((b) => `\`${b}\``).join(', ') || '(none)'} with ${sample.items} list ${sample.items === 1 ? 'item' : 'items'}, after ${sample.api.length} API requests (paths: ${[...new Set(sample.api)].join(', ')}).
- Last JavaScript chunk (the page's lazy chunk) in at the median: home cold ${ms(median(home.cold.map((x) => x.lastJs)))} ms, warm ${ms(median(home.warm.map((x) => x.lastJs)))} ms; public register cold ${ms(median(baseline.cold.map((x) => x.lastJs)))} ms, warm ${ms(median(baseline.warm.map((x) => x.lastJs)))} ms.
- On the public register, from its page chunk in to its one API request sent: median ${ms(median(baseline.warm.map((x) => x.apiStart - x.lastJs)))} ms warm, ${ms(median(baseline.cold.map((x) => x.apiStart - x.lastJs)))} ms cold: the router
  loads a page's code before it renders the page (route \`lazy\`), so the page's request starts in its first effect. (With \`React.lazy\` pages under a Suspense
  boundary, before 2026-11-30 05:50, this gap was ~310 ms: React 19 holds a revealed boundary back until 300 ms after its fallback showed.
  That change took the home page from 619 ms cold / 420 ms warm to about 420 / 105 ms.)
- Floor: one \`GET /health\` from Node to the same gateway, median ${r.health.toFixed(2)} ms.
`;
}
