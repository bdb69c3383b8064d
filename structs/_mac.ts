// Physical (MAC) addresses as text, the way ipconfig and arp print them:
// lowercase hex pairs joined by "-", "00-15-5d-01-02-03"; "" for none.
import { DecodeError } from "./decode_error.ts";

const HEX_PAIR: readonly string[] = Array.from(
  { length: 256 },
  (_, i) => i.toString(16).padStart(2, "0"),
);

const MAC_TEXT = /^[0-9a-f]{2}(-[0-9a-f]{2})*$/i;

/**
 * Checks the `PhysicalAddressLength` of row `row` of `table` against the
 * `capacity` bytes of its array, and returns it.
 *
 * @throws {DecodeError} If the length is larger than the array.
 */
export function physicalAddressLength(
  length: number,
  capacity: number,
  table: string,
  row: number,
): number {
  if (length > capacity) {
    throw new DecodeError(
      `${table}.Table[${row}].PhysicalAddressLength`,
      `expected at most ${capacity} (IF_MAX_PHYS_ADDRESS_LENGTH), found ${length}`,
    );
  }
  return length;
}

/** The text of the first `length` bytes at `offset`, which the caller has checked. */
export function readPhysicalAddress(view: DataView, offset: number, length: number): string {
  if (length === 0) return "";
  let text = HEX_PAIR[view.getUint8(offset)]!;
  for (let i = 1; i < length; i++) text += "-" + HEX_PAIR[view.getUint8(offset + i)]!;
  return text;
}

/**
 * Writes physical address `text` at `offset`: the inverse of
 * {@linkcode readPhysicalAddress}. `length` is the row's
 * `physicalAddressLength`, which the text must match.
 *
 * @throws {TypeError} Naming `field`, if `text` is not "" or hex pairs joined
 * by "-", or has more than `capacity` bytes, or not `length` of them.
 */
export function writePhysicalAddress(
  view: DataView,
  offset: number,
  text: string,
  length: number,
  capacity: number,
  field: string,
): void {
  if (typeof text !== "string" || (text !== "" && !MAC_TEXT.test(text))) {
    throw new TypeError(
      `${field}: expected hex pairs joined by "-" (or "" for none), found ${JSON.stringify(text)}`,
    );
  }
  const bytes = text === "" ? [] : text.split("-").map((pair) => parseInt(pair, 16));
  if (bytes.length > capacity) {
    throw new TypeError(`${field}: expected at most ${capacity} bytes, found ${bytes.length}`);
  }
  if (bytes.length !== length) {
    throw new TypeError(
      `${field}: physicalAddressLength is ${length}, but the address has ${bytes.length} bytes`,
    );
  }
  bytes.forEach((byte, i) => view.setUint8(offset + i, byte));
}
