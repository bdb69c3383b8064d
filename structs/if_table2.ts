import { FieldWriter } from "./_fields.ts";
import { readGuid, writeGuid } from "./_guid.ts";
import { physicalAddressLength, readPhysicalAddress, writePhysicalAddress } from "./_mac.ts";
import { IF_TABLE2 as SHAPE } from "./_shapes.ts";
import { decodeRows, encodeRows } from "./_table.ts";
import { readUtf16, writeUtf16 } from "./_utf16.ts";
import type { IfRow2 } from "./if_row2.ts";
import { MIB_IF_ROW2 as R, MIB_IF_ROW2_BITS as BITS } from "./layout.ts";

const STRUCTURE = SHAPE.structure;

function readRow(v: DataView, o: number, i: number): IfRow2 {
  const length = physicalAddressLength(
    v.getUint32(o + R.PhysicalAddressLength, true),
    R.PhysicalAddressCount,
    STRUCTURE,
    i,
  );
  const flags = v.getUint8(o + R.InterfaceAndOperStatusFlags);
  const bit = (index: number) => (flags & (1 << index)) !== 0;
  const u32 = (at: number) => v.getUint32(o + at, true);
  const i32 = (at: number) => v.getInt32(o + at, true);
  const u64 = (at: number) => v.getBigUint64(o + at, true);
  return {
    interfaceLuid: u64(R.InterfaceLuid),
    interfaceIndex: u32(R.InterfaceIndex),
    interfaceGuid: readGuid(v, o + R.InterfaceGuid),
    alias: readUtf16(v, o + R.Alias, R.AliasCount),
    description: readUtf16(v, o + R.Description, R.DescriptionCount),
    physicalAddressLength: length,
    physicalAddress: readPhysicalAddress(v, o + R.PhysicalAddress, length),
    permanentPhysicalAddress: readPhysicalAddress(v, o + R.PermanentPhysicalAddress, length),
    mtu: u32(R.Mtu),
    type: u32(R.Type),
    tunnelType: i32(R.TunnelType),
    mediaType: i32(R.MediaType),
    physicalMediumType: i32(R.PhysicalMediumType),
    accessType: i32(R.AccessType),
    directionType: i32(R.DirectionType),
    hardwareInterface: bit(BITS.HardwareInterface),
    filterInterface: bit(BITS.FilterInterface),
    connectorPresent: bit(BITS.ConnectorPresent),
    notAuthenticated: bit(BITS.NotAuthenticated),
    notMediaConnected: bit(BITS.NotMediaConnected),
    paused: bit(BITS.Paused),
    lowPower: bit(BITS.LowPower),
    endPointInterface: bit(BITS.EndPointInterface),
    operStatus: i32(R.OperStatus),
    adminStatus: i32(R.AdminStatus),
    mediaConnectState: i32(R.MediaConnectState),
    networkGuid: readGuid(v, o + R.NetworkGuid),
    connectionType: i32(R.ConnectionType),
    transmitLinkSpeed: u64(R.TransmitLinkSpeed),
    receiveLinkSpeed: u64(R.ReceiveLinkSpeed),
    inOctets: u64(R.InOctets),
    inUcastPkts: u64(R.InUcastPkts),
    inNUcastPkts: u64(R.InNUcastPkts),
    inDiscards: u64(R.InDiscards),
    inErrors: u64(R.InErrors),
    inUnknownProtos: u64(R.InUnknownProtos),
    inUcastOctets: u64(R.InUcastOctets),
    inMulticastOctets: u64(R.InMulticastOctets),
    inBroadcastOctets: u64(R.InBroadcastOctets),
    outOctets: u64(R.OutOctets),
    outUcastPkts: u64(R.OutUcastPkts),
    outNUcastPkts: u64(R.OutNUcastPkts),
    outDiscards: u64(R.OutDiscards),
    outErrors: u64(R.OutErrors),
    outUcastOctets: u64(R.OutUcastOctets),
    outMulticastOctets: u64(R.OutMulticastOctets),
    outBroadcastOctets: u64(R.OutBroadcastOctets),
    outQLen: u64(R.OutQLen),
  };
}

/** The ULONG64 members from `TransmitLinkSpeed` to `OutQLen`: field and offset. */
const COUNTERS = [
  ["transmitLinkSpeed", R.TransmitLinkSpeed],
  ["receiveLinkSpeed", R.ReceiveLinkSpeed],
  ["inOctets", R.InOctets],
  ["inUcastPkts", R.InUcastPkts],
  ["inNUcastPkts", R.InNUcastPkts],
  ["inDiscards", R.InDiscards],
  ["inErrors", R.InErrors],
  ["inUnknownProtos", R.InUnknownProtos],
  ["inUcastOctets", R.InUcastOctets],
  ["inMulticastOctets", R.InMulticastOctets],
  ["inBroadcastOctets", R.InBroadcastOctets],
  ["outOctets", R.OutOctets],
  ["outUcastPkts", R.OutUcastPkts],
  ["outNUcastPkts", R.OutNUcastPkts],
  ["outDiscards", R.OutDiscards],
  ["outErrors", R.OutErrors],
  ["outUcastOctets", R.OutUcastOctets],
  ["outMulticastOctets", R.OutMulticastOctets],
  ["outBroadcastOctets", R.OutBroadcastOctets],
  ["outQLen", R.OutQLen],
] as const satisfies readonly (readonly [keyof IfRow2, number])[];

/** The C-int enums: field and offset. */
const ENUMS = [
  ["tunnelType", R.TunnelType],
  ["mediaType", R.MediaType],
  ["physicalMediumType", R.PhysicalMediumType],
  ["accessType", R.AccessType],
  ["directionType", R.DirectionType],
  ["operStatus", R.OperStatus],
  ["adminStatus", R.AdminStatus],
  ["mediaConnectState", R.MediaConnectState],
  ["connectionType", R.ConnectionType],
] as const satisfies readonly (readonly [keyof IfRow2, number])[];

function writeRow(v: DataView, o: number, row: IfRow2): void {
  const w = new FieldWriter(v, o, "MIB_IF_ROW2");
  w.u64(R.InterfaceLuid, row.interfaceLuid, "interfaceLuid");
  w.u32(R.InterfaceIndex, row.interfaceIndex, "interfaceIndex");
  writeGuid(v, o + R.InterfaceGuid, row.interfaceGuid, w.name("interfaceGuid"));
  writeUtf16(v, o + R.Alias, row.alias, R.AliasCount, w.name("alias"));
  writeUtf16(v, o + R.Description, row.description, R.DescriptionCount, w.name("description"));
  w.u32(R.PhysicalAddressLength, row.physicalAddressLength, "physicalAddressLength");
  for (
    const [field, at] of [["physicalAddress", R.PhysicalAddress], [
      "permanentPhysicalAddress",
      R.PermanentPhysicalAddress,
    ]] as const
  ) {
    writePhysicalAddress(
      v,
      o + at,
      row[field],
      row.physicalAddressLength,
      R.PhysicalAddressCount,
      w.name(field),
    );
  }
  w.u32(R.Mtu, row.mtu, "mtu");
  w.u32(R.Type, row.type, "type");
  for (const [field, at] of ENUMS) w.i32(at, row[field], field);
  w.bits(R.InterfaceAndOperStatusFlags, [
    [BITS.HardwareInterface, row.hardwareInterface, "hardwareInterface"],
    [BITS.FilterInterface, row.filterInterface, "filterInterface"],
    [BITS.ConnectorPresent, row.connectorPresent, "connectorPresent"],
    [BITS.NotAuthenticated, row.notAuthenticated, "notAuthenticated"],
    [BITS.NotMediaConnected, row.notMediaConnected, "notMediaConnected"],
    [BITS.Paused, row.paused, "paused"],
    [BITS.LowPower, row.lowPower, "lowPower"],
    [BITS.EndPointInterface, row.endPointInterface, "endPointInterface"],
  ]);
  writeGuid(v, o + R.NetworkGuid, row.networkGuid, w.name("networkGuid"));
  for (const [field, at] of COUNTERS) w.u64(at, row[field], field);
}

/**
 * Decodes a `MIB_IF_TABLE2` (every network interface, with its counters), as
 * returned by `GetIfTable2`. Rows start at offset 8 (bytes 4..8 are padding);
 * padding inside rows is never read; enums are read as C ints; the alias and
 * description end at their first NUL (or fill the array) and keep unpaired
 * surrogates as they are.
 *
 * @param bytes The table; a view at any byte offset. Bytes after the last row are ignored.
 * @returns One {@linkcode IfRow2} per interface, in table order.
 * @throws {TypeError} If `bytes` is not a `Uint8Array`.
 * @throws {DecodeError} If `bytes` cannot hold the rows it announces, or a
 * `PhysicalAddressLength` is larger than the 32-byte arrays.
 *
 * @example
 * ```ts
 * import { decodeIfTable2 } from "@iphlpapi/iphlpapi";
 *
 * console.log(decodeIfTable2(new Uint8Array(8))); // []
 * ```
 */
export function decodeIfTable2(bytes: Uint8Array): IfRow2[] {
  return decodeRows(bytes, SHAPE, readRow);
}

/**
 * Encodes rows as a `MIB_IF_TABLE2`: the inverse of
 * {@linkcode decodeIfTable2}. Padding bytes, and the string and address
 * bytes past each value, are zero.
 *
 * @param rows The interfaces.
 * @returns The table bytes.
 * @throws {TypeError} Naming the field, if a value does not fit its member:
 * a counter outside 0..2^64-1, an alias longer than 257 UTF-16 units or
 * holding a NUL, a GUID not in 8-4-4-4-12 form, a physical address that is
 * not `physicalAddressLength` (at most 32) hex pairs joined by "-", ...
 *
 * @example
 * ```ts
 * import { decodeIfTable2 } from "@iphlpapi/iphlpapi";
 * import { encodeIfTable2 } from "@iphlpapi/iphlpapi/mock";
 *
 * const counters = {
 *   transmitLinkSpeed: 1_000_000_000n, receiveLinkSpeed: 1_000_000_000n,
 *   inOctets: 0n, inUcastPkts: 0n, inNUcastPkts: 0n, inDiscards: 0n, inErrors: 0n,
 *   inUnknownProtos: 0n, inUcastOctets: 0n, inMulticastOctets: 0n, inBroadcastOctets: 0n,
 *   outOctets: 0n, outUcastPkts: 0n, outNUcastPkts: 0n, outDiscards: 0n, outErrors: 0n,
 *   outUcastOctets: 0n, outMulticastOctets: 0n, outBroadcastOctets: 0n, outQLen: 0n,
 * };
 * const bytes = encodeIfTable2([{
 *   interfaceLuid: 0x6000001000000n, interfaceIndex: 12,
 *   interfaceGuid: "6b29fc40-ca47-1067-b31d-00dd010662da",
 *   alias: "Ethernet", description: "Intel(R) Ethernet Connection",
 *   physicalAddressLength: 6, physicalAddress: "00-15-5d-01-02-03",
 *   permanentPhysicalAddress: "00-15-5d-01-02-03",
 *   mtu: 1500, type: 6, tunnelType: 0, mediaType: 0, physicalMediumType: 14,
 *   accessType: 2, directionType: 0,
 *   hardwareInterface: true, filterInterface: false, connectorPresent: true,
 *   notAuthenticated: false, notMediaConnected: false, paused: false, lowPower: false,
 *   endPointInterface: false,
 *   operStatus: 1, adminStatus: 1, mediaConnectState: 1,
 *   networkGuid: "00000000-0000-0000-0000-000000000000", connectionType: 1,
 *   ...counters,
 * }]);
 * console.log(bytes.length, decodeIfTable2(bytes)[0]?.alias); // 1360 "Ethernet"
 * ```
 */
export function encodeIfTable2(rows: readonly IfRow2[]): Uint8Array {
  return encodeRows(rows, SHAPE, writeRow);
}
