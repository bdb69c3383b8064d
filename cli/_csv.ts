// CSV for scripts, as RFC 4180 writes it, safe to open in a spreadsheet and
// to print on a terminal.
import { escapeControls } from "./_text.ts";

/** A plain decimal number, which a spreadsheet reads as a number, never as a formula. */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Whether a spreadsheet could take `text` for a formula: it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (the OWASP list) and is not
 * a plain number.
 */
const formulaLike = (text: string) => /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text);

/**
 * One field: a formula-like text gets a leading `'` (so a spreadsheet shows
 * it as text), control characters are escaped as in the table (`\n`,
 * `\x1b`), then it is quoted when it holds a quote or a comma, quotes doubled.
 */
function field(text: string): string {
  const safe = escapeControls(formulaLike(text) ? `'${text}` : text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV: a header record, then one record per row, each ended by CRLF.
 * A field that starts like a formula gets a leading `'`, and control
 * characters are escaped, so no field holds a line break.
 *
 * @param header The column names.
 * @param records The rows' fields.
 * @returns The document.
 */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((record) => record.map(field).join(",") + "\r\n").join("");
}
