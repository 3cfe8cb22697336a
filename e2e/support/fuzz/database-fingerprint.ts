import pg from 'pg';

/** The services' own schemas (the gateway's idempotency keys are not domain data). */
const SCHEMAS = ['registry', 'agreements', 'tasking', 'approvals'];

/**
 * What moves on its own, whatever a request did: the audit sequencer links
 * entries written earlier and the checkpointer signs them (ADR 0016). A
 * refused write still shows if it wrote an audit entry (`audit_entries`).
 */
const BACKGROUND_TABLES = ['audit_chain', 'audit_checkpoints'];
const BACKGROUND_ROWS: Record<string, string> = { outbox: "WHERE subject NOT LIKE 'concord.events.audit.%'" };

/**
 * A cheap fingerprint of every service table: its row count and, where it
 * has one, its latest `updated_at`. A refused write must leave it as it was
 * (a changed row shows in its table's audit chain and, mostly, its count).
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly client: pg.Client,
    private readonly sql: string,
  ) {}

  static async open(databaseUrl: string): Promise<DatabaseFingerprint> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ table_schema: string; table_name: string; has_updated: boolean }>(
      `SELECT t.table_schema, t.table_name,
              EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'updated_at') AS has_updated
         FROM information_schema.tables t
        WHERE t.table_schema = ANY($1) AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE '%migrations%'
        ORDER BY 1, 2`,
      [SCHEMAS],
    );
    const parts = rows
      .filter((r) => !BACKGROUND_TABLES.includes(r.table_name))
      .map(
        (r) =>
          `SELECT '${r.table_schema}.${r.table_name}' AS t, count(*)::text ${r.has_updated ? "|| ' ' || coalesce(max(updated_at)::text, '')" : ''} AS v FROM "${r.table_schema}"."${r.table_name}" ${BACKGROUND_ROWS[r.table_name] ?? ''}`,
      );
    return new DatabaseFingerprint(client, parts.join(' UNION ALL '));
  }

  async take(): Promise<Record<string, string>> {
    const { rows } = await this.client.query<{ t: string; v: string }>(this.sql);
    return Object.fromEntries(rows.map((r) => [r.t, r.v]));
  }

  /** The fingerprint once nothing moves any more (outbox relays, event consumers, fan-outs settle). */
  async settled(): Promise<Record<string, string>> {
    let last = await this.take();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const next = await this.take();
      if (sameFingerprint(last, next)) return next;
      last = next;
    }
    return last;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

export function sameFingerprint(a: Record<string, string>, b: Record<string, string>): boolean {
  return changedTables(a, b).length === 0;
}

export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((t) => a[t] !== b[t])
    .map((t) => `${t}: ${a[t]} → ${b[t]}`);
}
