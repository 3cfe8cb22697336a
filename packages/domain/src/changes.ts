/**
 * How each field of an update changes its target: one function for every
 * field of the contract `C`, or the table does not compile, so a field added
 * to a contract cannot be answered 200 and dropped.
 */
export type ChangeAppliers<C extends object, T, X = undefined> = {
  [K in keyof C]-?: (target: T, value: Exclude<C[K], undefined>, context: X) => void | Promise<void>;
};

/** Applies each field present in `changes` (in the order given) through its applier; answers the fields applied. */
export async function applyChanges<C extends object, T, X>(
  appliers: ChangeAppliers<C, T, X>,
  target: T,
  changes: C,
  context: X,
): Promise<(keyof C)[]> {
  const changed = (Object.keys(changes) as (keyof C)[]).filter((field) => changes[field] !== undefined);
  for (const field of changed) {
    // The table's type ties each field to its value's type; TypeScript cannot follow that through a field chosen at run time.
    const apply = appliers[field] as (target: T, value: unknown, context: X) => void | Promise<void>;
    await apply(target, changes[field], context);
  }
  return changed;
}
