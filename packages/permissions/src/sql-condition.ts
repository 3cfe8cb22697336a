import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility, Action, SubjectName } from './ability';

export interface SqlCondition {
  /** A boolean SQL expression using named parameters (`:p0`), TypeORM style. */
  sql: string;
  params: Record<string, unknown>;
}

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * Turns what `ability` allows for `action` on `subject` into a SQL condition
 * for list queries, so a list never returns a row the same rules would
 * refuse one at a time. `columns` maps rule fields to SQL column expressions;
 * a field without a column is an error, not a silently dropped filter.
 * No access at all gives `1 = 0`.
 */
/** A rule field's column: a column name, or `{ array }` for an array column that rules test for membership. */
export type ColumnSpec = string | { array: string };

export function toSqlCondition(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  columns: Record<string, ColumnSpec>,
): SqlCondition {
  // Abilities are immutable; the same question gets the same (frozen) answer.
  const key = `${action}\u0000${subject}\u0000${JSON.stringify(columns)}`;
  let answers = translated.get(ability);
  if (!answers) translated.set(ability, (answers = new Map<string, SqlCondition>()));
  let condition = answers.get(key);
  if (!condition) {
    condition = Object.freeze(translate(ability, action, subject, columns));
    answers.set(key, condition);
  }
  return { sql: condition.sql, params: { ...condition.params } };
}

const translated = new WeakMap<AppAbility, Map<string, SqlCondition>>();

function translate(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  columns: Record<string, ColumnSpec>,
): SqlCondition {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (ast === null) return { sql: '1 = 0', params: {} };
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (value: unknown) => {
    const name = `perm_${n++}`;
    params[name] = value;
    return `:${name}`;
  };
  const spec = (field: string | undefined) => {
    const col = field ? columns[field] : undefined;
    if (!col) throw new Error(`No SQL column for permission field "${field}" of ${subject}`);
    return col;
  };
  const column = (field: string | undefined) => {
    const col = spec(field);
    if (typeof col !== 'string')
      throw new Error(`Permission field "${field}" of ${subject} is an array; only equality is translated`);
    return col;
  };
  const render = (node: AstNode): string => {
    const children = () => (node.value as AstNode[]).map(render);
    switch (node.operator) {
      case 'and': {
        const parts = children();
        return parts.length ? `(${parts.join(' AND ')})` : '1 = 1';
      }
      case 'or': {
        const parts = children();
        return parts.length ? `(${parts.join(' OR ')})` : '1 = 0';
      }
      case 'not': {
        // rulesToAST gives `not` an array of children, like and/or.
        const inner = Array.isArray(node.value) ? node.value.map(render) : [render(node.value as AstNode)];
        return `NOT (${inner.join(' AND ')})`;
      }
      case 'eq': {
        const col = spec(node.field);
        // On an array column, equality means membership (as CASL's Mongo-style rules read it).
        return typeof col === 'string' ? `${col} = ${param(node.value)}` : `${param(node.value)} = ANY(${col.array})`;
      }
      case 'ne':
        return `${column(node.field)} <> ${param(node.value)}`;
      case 'in':
        return `${column(node.field)} = ANY(${param(node.value)})`;
      case 'nin':
        return `NOT (${column(node.field)} = ANY(${param(node.value)}))`;
      default:
        throw new Error(`Permission operator "${node.operator}" has no SQL translation`);
    }
  };
  return { sql: render(ast), params };
}
