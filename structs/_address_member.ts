// Decoding a SOCKADDR_INET member of a table row, with the member's own name
// in the error (readSocketAddress names every address `Address`; a route has
// two, DestinationPrefix.Prefix and NextHop).
import { readSocketAddress } from "./_address.ts";
import { DecodeError } from "./decode_error.ts";
import { AF_INET, AF_INET6, type SocketAddress } from "./socket_address.ts";

/**
 * Decodes the `SOCKADDR_INET` at `offset`, member `member` of row `row` of
 * `table`.
 *
 * @throws {DecodeError} Naming `table.Table[row].member`, if the family is
 * neither `AF_INET` nor `AF_INET6`.
 */
export function readAddressMember(
  view: DataView,
  offset: number,
  table: string,
  row: number,
  member: string,
): SocketAddress {
  const family = view.getUint16(offset, true);
  if (family !== AF_INET && family !== AF_INET6) {
    throw new DecodeError(
      `${table}.Table[${row}].${member}`,
      `expected address family AF_INET (${AF_INET}) or AF_INET6 (${AF_INET6}), found ${family}`,
    );
  }
  return readSocketAddress(view, offset, table, row);
}
