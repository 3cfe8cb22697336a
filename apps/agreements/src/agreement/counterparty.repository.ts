import type { DataSource, EntityManager } from 'typeorm';
import type { CREATOR_KINDS, CreatorStatusName } from '@concord/domain';

type CreatorKind = (typeof CREATOR_KINDS)[number];

/** What the agreements service knows of a creator or management company it may draft with. */
export interface CounterpartyRow {
  id: string;
  kind: CreatorKind;
  displayName: string;
  status: CreatorStatusName;
}

/** `counterparties`: the registry's creators as its events announced them (counterparty.projection.ts). */
export class CounterpartyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A creator's name (and kind) as of `at`, in the event consumer's transaction; a newer name stays. */
  async recordName(
    manager: EntityManager,
    row: { id: string; kind: CreatorKind; displayName: string; status: CreatorStatusName; at: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO counterparties (id, kind, display_name, name_at, status, status_at) VALUES ($1, $2, $3, $5, $4, $5)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, display_name = EXCLUDED.display_name, name_at = EXCLUDED.name_at
       WHERE counterparties.name_at <= EXCLUDED.name_at`,
      [row.id, row.kind, row.displayName, row.status, row.at],
    );
  }

  /** A creator's status as of `at`; a newer status stays. Nothing for a creator not announced yet (its registration will say). */
  async recordStatus(
    manager: EntityManager,
    row: { id: string; status: CreatorStatusName; at: string },
  ): Promise<void> {
    await manager.query(`UPDATE counterparties SET status = $2, status_at = $3 WHERE id = $1 AND status_at <= $3`, [
      row.id,
      row.status,
      row.at,
    ]);
  }

  async find(id: string): Promise<CounterpartyRow | null> {
    const [row] = await this.dataSource.query<CounterpartyRow[]>(
      'SELECT id, kind, display_name AS "displayName", status FROM counterparties WHERE id = $1',
      [id],
    );
    return row ?? null;
  }
}
