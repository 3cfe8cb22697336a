/**
 * A steady load as ministries' systems and the portal make it: writers that
 * register creators and draft agreements with them (the agreements service
 * asks the registry about a counterparty it has not copied yet), each write
 * with its own Idempotency-Key and retried with the same key until it is
 * acknowledged (as the typed client does), and readers that read back what
 * was acknowledged. Requests go to the
 * gateways in turn, as a load balancer sends them; a refused connection
 * moves on to the next gateway. It records every acknowledged write and
 * the longest time a client kept seeing errors.
 */
import { randomUUID } from 'node:crypto';
import { creatorRegistration } from '@concord/testing';

export interface LoadReport {
  /** Idempotency-Key → the creator id the API answered with. */
  acknowledged: Map<string, string>;
  /** Idempotency-Key → the agreement (id and number) the API answered with. */
  agreements: Map<string, { id: string; number: string }>;
  writeAttempts: number;
  reads: number;
  /** Answers that a retry cannot fix (4xx other than 409 in progress / 429): each one is a bug. */
  refused: string[];
  /** Attempts that failed and were retried (5xx, 409 in progress, 429, refused connections, timeouts). */
  transientErrors: number;
  /** The longest time from a request's first failure to its success, in ms. */
  longestErrorWindowMs: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export class SteadyLoad {
  private running = false;
  /** Set when the story failed: retries give up, so nothing keeps the test process alive. */
  private abandoned = false;
  private loops: Promise<void>[] = [];
  private next = 0;
  readonly report: LoadReport = {
    acknowledged: new Map(),
    agreements: new Map(),
    writeAttempts: 0,
    reads: 0,
    refused: [],
    transientErrors: 0,
    longestErrorWindowMs: 0,
  };

  constructor(
    private readonly gateways: string[],
    /** Who registers creators (a registry officer) and who drafts agreements (a campaign manager). */
    private readonly tokens: { registrar: string; manager: string },
    private readonly options = { writers: 4, drafters: 1, readers: 2, paceMs: 20 },
  ) {}

  start(): void {
    this.running = true;
    for (let i = 0; i < this.options.writers; i++) this.loops.push(this.writer(i));
    for (let i = 0; i < this.options.drafters; i++) this.loops.push(this.drafter(i));
    for (let i = 0; i < this.options.readers; i++) this.loops.push(this.reader());
  }

  /** Stops making new requests; resolves once every write begun has been acknowledged. */
  async stop(): Promise<LoadReport> {
    this.running = false;
    await Promise.all(this.loops);
    return this.report;
  }

  /** Stops at once, without waiting for writes to be acknowledged (the story failed). */
  async abandon(): Promise<void> {
    this.running = false;
    this.abandoned = true;
    await Promise.all(this.loops);
  }

  /** One attempt on the next gateway: its status and body, or null when the request never got an answer. */
  private async send(
    path: string,
    init: RequestInit,
    token = this.tokens.registrar,
  ): Promise<{ status: number; body: unknown } | null> {
    const base = this.gateways[this.next++ % this.gateways.length];
    try {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    } catch {
      return null;
    }
  }

  /** Retries `attempt` until it answers 2xx; returns the answer, or null when it was refused for good. */
  private async untilDone(
    what: string,
    attempt: () => Promise<{ status: number; body: unknown } | null>,
  ): Promise<unknown> {
    let firstFailure: number | null = null;
    for (;;) {
      const answer = await attempt();
      if (answer && answer.status < 300) {
        if (firstFailure !== null)
          this.report.longestErrorWindowMs = Math.max(this.report.longestErrorWindowMs, Date.now() - firstFailure);
        return answer.body;
      }
      if (answer && !RETRYABLE.has(answer.status)) {
        this.report.refused.push(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return null;
      }
      if (this.abandoned) return null;
      this.report.transientErrors++;
      firstFailure ??= Date.now();
      await pause(100);
    }
  }

  private async writer(n: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const key = randomUUID();
      const body = JSON.stringify(
        creatorRegistration({
          displayName: `Cluster ${n}-${i} ${key.slice(0, 8)}`,
          handle: `cl_${key.slice(0, 12).replace('-', '')}`,
        }),
      );
      const created = (await this.untilDone(`POST /v1/creators ${key}`, () => {
        this.report.writeAttempts++;
        return this.send('/v1/creators', { method: 'POST', body, headers: { 'idempotency-key': key } });
      })) as { id?: string } | null;
      if (created?.id) this.report.acknowledged.set(key, created.id);
      await pause(this.options.paceMs);
    }
  }

  private async drafter(n: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const creators = [...this.report.acknowledged.values()];
      if (creators.length === 0) {
        await pause(100);
        continue;
      }
      const key = randomUUID();
      const body = JSON.stringify({
        kind: 'memorandum',
        counterpartyId: creators[Math.floor(Math.random() * creators.length)],
        title: `Cluster draft ${n}-${i}`,
        scope: 'Short videos for the cluster story',
        term: { start: '2026-01-01', end: '2026-12-31' },
        budget: 10_000_000,
        deliverables: [{ platform: 'tiktok', quantity: 2 }],
        disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
      });
      const drafted = (await this.untilDone(`POST /v1/agreements ${key}`, () => {
        this.report.writeAttempts++;
        return this.send(
          '/v1/agreements',
          { method: 'POST', body, headers: { 'idempotency-key': key } },
          this.tokens.manager,
        );
      })) as { id?: string; number?: string } | null;
      if (drafted?.id && drafted.number) this.report.agreements.set(key, { id: drafted.id, number: drafted.number });
      await pause(this.options.paceMs * 5);
    }
  }

  private async reader(): Promise<void> {
    while (this.running) {
      const ids = [...this.report.acknowledged.values()];
      if (ids.length > 0) {
        const id = ids[Math.floor(Math.random() * ids.length)];
        await this.untilDone(`GET /v1/creators/${id}`, () => this.send(`/v1/creators/${id}`, { method: 'GET' }));
        this.report.reads++;
      }
      await pause(this.options.paceMs);
    }
  }
}
