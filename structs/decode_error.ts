/**
 * Thrown by every decoder when the bytes cannot be the structure they are
 * said to be: a buffer shorter than its header, a row count that does not fit
 * the buffer, a pointer outside the buffer, an unknown address family. The
 * message names the structure, what was expected and what was found.
 *
 * @example Catching a truncated table
 * ```ts
 * import { DecodeError, decodeTcpTable2 } from "@iphlpapi/iphlpapi";
 *
 * try {
 *   decodeTcpTable2(new Uint8Array([5, 0, 0, 0]));
 * } catch (error) {
 *   if (error instanceof DecodeError) console.error(error.message);
 * }
 * ```
 */
export class DecodeError extends Error {
  /** Always `"DecodeError"`. */
  override name = "DecodeError";
  /** The structure being decoded, for example `"MIB_TCPTABLE2"`. */
  readonly structure: string;

  /**
   * Makes an error whose message is `"<structure>: <detail>"`.
   *
   * @param structure The structure being decoded.
   * @param detail What was expected and what was found.
   */
  constructor(structure: string, detail: string) {
    super(`${structure}: ${detail}`);
    this.structure = structure;
  }
}
