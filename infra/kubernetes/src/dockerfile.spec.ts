// The image cannot be built here (no Docker engine): the Dockerfile is read
// instead, for what would make an image fail at build or run time.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './manifests';

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** The Dockerfile's instructions: comments dropped, continued lines joined, each with its stage (FROM starts one). */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let stage = -1;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) continue;
    const [keyword, ...rest] = pending.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage += 1;
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), stage });
    pending = '';
  }
  return instructions;
}

const dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const dockerignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const lastStage = Math.max(...dockerfile.map((i) => i.stage));
const args = Object.fromEntries(
  dockerfile
    .filter((i) => i.keyword === 'ARG' && i.args.includes('='))
    .map((i) => i.args.split('=') as [string, string]),
);
const expand = (value: string) => value.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');

/** COPY instructions from the build context (not --from another stage): their sources. */
function contextCopies() {
  return dockerfile
    .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from'))
    .map((i) => {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      return { sources: parts.slice(0, -1), destination: parts[parts.length - 1], index: dockerfile.indexOf(i) };
    });
}

/** Whether .dockerignore keeps a path out of the build context (the patterns used here: names and **\/names). */
function ignored(path: string): boolean {
  const segments = path.split('/');
  return dockerignore.some((pattern) => {
    const bare = pattern.replace(/^\*\*\//, '');
    if (pattern.startsWith('**/')) return segments.includes(bare);
    return path === pattern || path.startsWith(`${pattern}/`);
  });
}

/** The workspaces named in the root package.json, expanded. */
function workspaces(): string[] {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  return root.workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(REPO_ROOT, pattern.slice(0, -2)))
          .map((name) => `${pattern.slice(0, -2)}/${name}`)
          .filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')))
      : [pattern],
  );
}

describe('the Dockerfile', () => {
  it('builds on node:20-bookworm-slim in stages, and runs as the unprivileged node user', () => {
    const froms = dockerfile.filter((i) => i.keyword === 'FROM').map((i) => expand(i.args.split(/\s+/)[0]));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(new Set(froms)).toEqual(new Set(['node:20-bookworm-slim']));
    const users = dockerfile.filter((i) => i.keyword === 'USER' && i.stage === lastStage).map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1];
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(user).toBe('node');
    // Nothing runs in the final stage as root after the user is set, and no RUN there at all.
    expect(dockerfile.filter((i) => i.stage === lastStage && i.keyword === 'RUN')).toEqual([]);
  });

  it('copies from the build context only what exists there and .dockerignore lets through', () => {
    for (const copy of contextCopies()) {
      for (const source of copy.sources) {
        expect({ source, exists: existsSync(join(REPO_ROOT, source)) }).toEqual({ source, exists: true });
        expect({ source, ignored: ignored(source) }).toEqual({ source, ignored: false });
      }
    }
  });

  it('has every workspace’s package.json in the context before npm ci, so the install matches the lockfile', () => {
    const install = dockerfile.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(install).toBeGreaterThan(-1);
    const before = contextCopies()
      .filter((c) => c.index < install)
      .flatMap((c) => c.sources);
    const copied = (path: string) =>
      !ignored(path) && before.some((source) => source === '.' || source === path || path.startsWith(`${source}/`));
    for (const path of ['package.json', 'package-lock.json', ...workspaces().map((w) => `${w}/package.json`)]) {
      expect({ path, copied: copied(path) }).toEqual({ path, copied: true });
    }
    expect(copied('docs/architecture.md')).toBe(false);
  });

  it('builds with turbo, keeps only production dependencies, and carries the services’ probe', () => {
    const runs = dockerfile
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runs).toMatch(/npx turbo run build/);
    expect(runs).toMatch(/npm prune --omit=dev/);
    expect(contextCopies().flatMap((c) => c.sources)).toContain('.');
    expect(ignored('infra/kubernetes/service-probe.mjs')).toBe(false);
    expect(dockerfile.find((i) => i.keyword === 'WORKDIR' && i.stage === lastStage)?.args).toBe('/app');
  });

  it('keeps the local data folder (secrets, keys), installed modules and build output out of the context', () => {
    for (const path of [
      '.data/secrets.json',
      'node_modules/x',
      'apps/gateway/node_modules/x',
      'apps/gateway/dist/main.js',
      '.git/config',
      '.env',
    ]) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
    }
  });
});
