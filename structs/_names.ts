/** The inverse of a `{ NAME: number }` table: each value's name. */
export function namesByValue<T extends Record<string, number>>(
  table: T,
): ReadonlyMap<number, keyof T> {
  return new Map(Object.entries(table).map(([name, value]) => [value, name as keyof T]));
}
