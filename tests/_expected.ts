// Decoded values against the expected files the fixture generators wrote
// (tests/fixtures/*.expected.json): those hold bigints as decimal strings,
// and a text with an unpaired surrogate as the array of its code units.
import assert from "node:assert/strict";

/** A decoded value as an expected file holds it: bigints as decimal strings. */
export const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v) => typeof v === "bigint" ? String(v) : v));

/** An expected row with its code-unit arrays (alias, description) turned back into text. */
export function fromExpected(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const field of ["alias", "description"]) {
    const value = out[field];
    if (Array.isArray(value)) out[field] = String.fromCharCode(...(value as number[]));
  }
  return out;
}

/** Compares decoded rows with expected ones member by member, naming the first that differs. */
export function assertRows(
  name: string,
  actual: readonly object[],
  wanted: readonly unknown[],
): void {
  assert.equal(actual.length, wanted.length, `${name}: row count`);
  assert.ok(wanted.length > 0, `${name}: the fixture has rows`);
  actual.forEach((row, i) => {
    const got = plain(row) as Record<string, unknown>;
    const want = fromExpected(wanted[i] as Record<string, unknown>);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${name}[${i}]: members`);
    for (const field of Object.keys(want)) {
      assert.deepEqual(got[field], want[field], `${name}[${i}].${field}`);
    }
  });
}
