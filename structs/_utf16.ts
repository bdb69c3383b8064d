// UTF-16 text in fixed-size WCHAR arrays (MIB_IF_ROW2's Alias and
// Description, and others like them), unit by unit: TextDecoder would turn a
// lone surrogate into U+FFFD, and a name Windows holds must come back exactly.

/** Code units are gathered here and turned into text this many at a time. */
const CHUNK = 512;
const units = new Uint16Array(CHUNK);

/**
 * The text of the WCHAR array of `maxUnits` units at `offset`: every unit up
 * to the first NUL, or all of them when there is none. Unpaired surrogates
 * are kept as they are. The caller has checked that the array lies inside
 * `view`.
 */
export function readUtf16(view: DataView, offset: number, maxUnits: number): string {
  let text = "";
  let count = 0;
  for (let i = 0; i < maxUnits; i++) {
    const unit = view.getUint16(offset + 2 * i, true);
    if (unit === 0) break;
    units[count++] = unit;
    if (count === CHUNK) {
      text += String.fromCharCode(...units);
      count = 0;
    }
  }
  return count === 0 ? text : text + String.fromCharCode(...units.subarray(0, count));
}

/**
 * Writes `text` into the WCHAR array of `maxUnits` units at `offset`, unit by
 * unit, NUL-terminated when shorter than the array (the rest of the array is
 * left as it is: zero in a fresh buffer). The inverse of
 * {@linkcode readUtf16}.
 *
 * @throws {TypeError} Naming `field`, if `text` is not a string, is longer
 * than `maxUnits` units, or holds a NUL (which would end it early).
 */
export function writeUtf16(
  view: DataView,
  offset: number,
  text: string,
  maxUnits: number,
  field: string,
): void {
  if (typeof text !== "string") {
    throw new TypeError(`${field}: expected a string, found ${typeof text}`);
  }
  if (text.length > maxUnits) {
    throw new TypeError(
      `${field}: expected at most ${maxUnits} UTF-16 code units, found ${text.length}`,
    );
  }
  if (text.includes("\0")) {
    throw new TypeError(`${field}: a NUL at ${text.indexOf("\0")} would end the text there`);
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + 2 * i, text.charCodeAt(i), true);
  if (text.length < maxUnits) view.setUint16(offset + 2 * text.length, 0, true);
}
