import type { DataSource, EntityManager, EntityTarget, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { visibleTo } from '@concord/database';
import type { SqlCondition } from '@concord/permissions';

/**
 * The rows of one entity, named `alias` in every query, as a caller may see them: each read starts from the caller's
 * visibility (a SQL condition from `@concord/permissions`) and refuses to run without one.
 */
export abstract class VisibleRowsRepository<Row extends { id: string }> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<Row>,
    protected readonly alias: string,
  ) {}

  /** The rows the caller may see, on `manager` (a transaction's) or on the pool. */
  protected scoped(visibility: SqlCondition, manager?: EntityManager): SelectQueryBuilder<Row> {
    return visibleTo(manager ?? this.dataSource.manager, this.entity, this.alias, visibility);
  }

  /** One row the caller may see (locked for the transaction with `lock`), or null. */
  findVisible(
    visibility: SqlCondition,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<Row | null> {
    const qb = this.scoped(visibility, options.manager).andWhere(`${this.alias}.id = :id`, { id });
    if (options.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Writes a changed row (every column but its id, creation and update times) with its version one up, in `manager`'s
   * transaction; TypeORM sets `updated_at` to the statement's time.
   */
  async saveNextVersion(
    manager: EntityManager,
    row: Row & { version: number; createdAt: Date; updatedAt?: Date },
  ): Promise<void> {
    row.version += 1;
    const { id, createdAt: _c, updatedAt: _u, ...changes } = row;
    await manager.update(this.entity, { id }, changes as unknown as QueryDeepPartialEntity<Row>);
  }
}
