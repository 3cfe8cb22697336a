/**
 * How each field of an update changes its target: one function for every
 * field of the contract `C`, or the table does not compile, so a field added
 * to a contract cannot be answered 200 and dropped.
 */
export type ChangeAppliers<C extends object, T, X = undefined> = {
  [K in keyof C]-?: (target: T, value: Exclude<C[K], undefined>, context: X) => void | Promise<void>;
};

/**
 * Applies each field present in `changes` (in the order given) through its applier, and answers the fields that
 * really changed the target: a field sent with the value the target already holds is not named, so the audit entry
 * and the event name only what changed (an empty list: nothing to record). "Changed" is judged on the target as it
 * would be stored (its JSON before and after the applier), whatever the applier does with the value.
 */
export async function applyChanges<C extends object, T, X>(
  appliers: ChangeAppliers<C, T, X>,
  target: T,
  changes: C,
  context: X,
): Promise<(keyof C)[]> {
  const given = (Object.keys(changes) as (keyof C)[]).filter((field) => changes[field] !== undefined);
  const changed: (keyof C)[] = [];
  for (const field of given) {
    // The table's type ties each field to its value's type; TypeScript cannot follow that through a field chosen at run time.
    const apply = appliers[field] as (target: T, value: unknown, context: X) => void | Promise<void>;
    const before = JSON.stringify(target);
    await apply(target, changes[field], context);
    if (JSON.stringify(target) !== before) changed.push(field);
  }
  return changed;
}

/**
 * The appliers of fields that a target of type `T` stores as they are sent: each sets the target's property of the
 * same name. Spread into a table beside the fields that need more (`...storedAsSent<Agreement>()('title', 'scope')`).
 */
export function storedAsSent<T>() {
  return <K extends keyof T>(...fields: K[]) =>
    Object.fromEntries(
      fields.map((field) => [
        field,
        (target: T, value: T[K]) => {
          target[field] = value;
        },
      ]),
    ) as unknown as { [F in K]: (target: T, value: T[F]) => void };
}
