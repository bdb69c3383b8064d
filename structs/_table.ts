import { DecodeError } from "./decode_error.ts";
import { requireBytes } from "./_struct.ts";

/** Where a table's rows start and how big each one is. */
export interface TableShape {
  /** The structure's name, for error messages. */
  structure: string;
  /** Byte offset of the first row (after the count and any padding). */
  rowsAt: number;
  /** `sizeof` one row. */
  rowSize: number;
}

/** A checked table: `count` rows of `shape.rowSize` bytes from `shape.rowsAt` lie inside `view`. */
export interface Table {
  view: DataView;
  count: number;
}

/** Size of the row-count member that starts every table. */
const COUNT_SIZE = 4;

/** The bytes a table of `count` rows occupies: the count alone when empty, else up to its last row. */
export function tableLength(count: number, shape: TableShape): number {
  return count === 0 ? COUNT_SIZE : shape.rowsAt + count * shape.rowSize;
}

/**
 * Reads the row count of a `{ ULONG NumEntries; ROW table[]; }` table and
 * checks that every row fits in `bytes` before anything is allocated; bytes
 * that are not a `Uint8Array` are a TypeError naming the structure.
 */
export function openTable(bytes: Uint8Array, shape: TableShape): Table {
  requireBytes(bytes, shape.structure);
  if (bytes.byteLength < COUNT_SIZE) {
    throw new DecodeError(
      shape.structure,
      `expected at least ${COUNT_SIZE} bytes for the row count, found ${bytes.byteLength}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  const needed = tableLength(count, shape);
  if (needed > bytes.byteLength) {
    throw new DecodeError(
      shape.structure,
      `${count} rows of ${shape.rowSize} bytes from offset ${shape.rowsAt} need ${needed} bytes, found ${bytes.byteLength}`,
    );
  }
  return { view, count };
}

/** Decodes every row of a table with `read(view, offsetOfRow, index)`. */
export function decodeRows<R>(
  bytes: Uint8Array,
  shape: TableShape,
  read: (view: DataView, offset: number, index: number) => R,
): R[] {
  const { view, count } = openTable(bytes, shape);
  const { rowsAt, rowSize } = shape;
  const rows = new Array<R>(count);
  for (let i = 0, o = rowsAt; i < count; i++, o += rowSize) rows[i] = read(view, o, i);
  return rows;
}

/** Encodes `rows` as a table with `write(view, offsetOfRow, row, index)`; padding stays zero. */
export function encodeRows<R>(
  rows: readonly R[],
  shape: TableShape,
  write: (view: DataView, offset: number, row: R, index: number) => void,
): Uint8Array {
  if (!Array.isArray(rows)) throw new TypeError(`${shape.structure}: rows must be an array`);
  const bytes = new Uint8Array(shape.rowsAt + rows.length * shape.rowSize);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, rows.length, true);
  // An index loop, not forEach: a hole in a sparse array is refused, not skipped.
  for (let i = 0; i < rows.length; i++) {
    if (!(i in rows)) {
      throw new TypeError(`${shape.structure}: rows[${i}] is missing (a sparse array)`);
    }
    write(view, shape.rowsAt + i * shape.rowSize, rows[i]!, i);
  }
  return bytes;
}
