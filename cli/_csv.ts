// CSV for scripts, as RFC 4180 writes it.

/** A field quoted when it holds a quote, a comma or a line break; quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header record, then one record per row, each ended by CRLF.
 *
 * @param header The column names.
 * @param records The rows' fields.
 * @returns The document.
 */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((record) => record.map(field).join(",") + "\r\n").join("");
}
