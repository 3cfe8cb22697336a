/** A typed filter as the API takes it: trimmed, and left out when empty. */
export function typedFilter(value: string): string | undefined {
  return value.trim() || undefined;
}

/** A filter chosen from the API's values (`T`), left out when none is chosen. */
export function chosenFilter<T extends string>(value: string): T | undefined {
  return (value || undefined) as T | undefined;
}
