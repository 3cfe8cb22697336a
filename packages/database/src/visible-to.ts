import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A caller's visibility as SQL (`toSqlCondition` of @concord/permissions): a boolean expression and its parameters. */
export interface Visibility {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * A query builder over `entity` (as `alias`) that sees only what the caller may see. Every repository read starts
 * here, so no query runs unscoped: without a visibility it refuses to build one.
 */
export function visibleTo<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  visibility: Visibility,
): SelectQueryBuilder<T> {
  if (!visibility?.sql) throw new Error(`A query of ${alias} needs the caller's visibility`);
  return manager.getRepository(entity).createQueryBuilder(alias).where(visibility.sql, visibility.params);
}
