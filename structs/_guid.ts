// GUIDs as text: the 8-4-4-4-12 form, lowercase, without braces.

const HEX_PAIR: readonly string[] = Array.from(
  { length: 256 },
  (_, i) => i.toString(16).padStart(2, "0"),
);

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bytes of `Data4` (8 of them), at `offset + 8`, in the order they are written. */
const DATA4 = 8;

/**
 * The text of the 16-byte `GUID` at `offset`: `Data1` (ULONG), `Data2` and
 * `Data3` (USHORT), all little-endian, as 8, 4 and 4 hex digits, then the
 * eight `Data4` bytes as 4 and 12 digits: `"6b29fc40-ca47-1067-b31d-00dd010662da"`.
 */
export function readGuid(view: DataView, offset: number): string {
  const byte = (at: number) => HEX_PAIR[view.getUint8(offset + at)]!;
  return view.getUint32(offset, true).toString(16).padStart(8, "0") + "-" +
    view.getUint16(offset + 4, true).toString(16).padStart(4, "0") + "-" +
    view.getUint16(offset + 6, true).toString(16).padStart(4, "0") + "-" +
    byte(DATA4) + byte(DATA4 + 1) + "-" +
    byte(DATA4 + 2) + byte(DATA4 + 3) + byte(DATA4 + 4) + byte(DATA4 + 5) + byte(DATA4 + 6) +
    byte(DATA4 + 7);
}

/**
 * Writes GUID `text` (8-4-4-4-12 hex digits, either case) as a 16-byte `GUID`
 * at `offset`: the inverse of {@linkcode readGuid}.
 *
 * @throws {TypeError} Naming `field`, if `text` is not in that form.
 */
export function writeGuid(view: DataView, offset: number, text: string, field: string): void {
  if (typeof text !== "string" || !GUID_TEXT.test(text)) {
    throw new TypeError(
      `${field}: expected a GUID as 8-4-4-4-12 hex digits, found ${JSON.stringify(text)}`,
    );
  }
  const hex = text.replaceAll("-", "");
  view.setUint32(offset, parseInt(hex.slice(0, 8), 16), true);
  view.setUint16(offset + 4, parseInt(hex.slice(8, 12), 16), true);
  view.setUint16(offset + 6, parseInt(hex.slice(12, 16), 16), true);
  for (let i = 0; i < 8; i++) {
    view.setUint8(offset + DATA4 + i, parseInt(hex.slice(16 + 2 * i, 18 + 2 * i), 16));
  }
}
