// What the owner-module rows (MIB_TCPROW_OWNER_MODULE, MIB_TCP6ROW_OWNER_MODULE,
// MIB_UDPROW_OWNER_MODULE, MIB_UDP6ROW_OWNER_MODULE) share besides their
// endpoints: the owning process, the creation time and the OwningModuleInfo
// words. Each row's reader stays one object literal in its table file.
import type { FieldWriter } from "./_fields.ts";

/** Reads the `count` ULONGLONGs of an `OwningModuleInfo` at `o`. */
export function readModuleInfo(view: DataView, o: number, count: number): bigint[] {
  const words = new Array<bigint>(count);
  for (let i = 0; i < count; i++) words[i] = view.getBigUint64(o + 8 * i, true);
  return words;
}

/** Where an owner-module row's own members are: its entry in layout.ts. */
export interface OwnerModuleOffsets {
  dwOwningPid: number;
  liCreateTimestamp: number;
  OwningModuleInfo: number;
  OwningModuleInfoCount: number;
}

/** The members of an owner-module row besides its endpoints. */
export interface OwnerModuleMembers {
  owningPid: number;
  createTimestamp: bigint;
  owningModuleInfo: readonly bigint[];
}

/**
 * Writes `owningPid` (a DWORD), `createTimestamp` (a LARGE_INTEGER) and
 * `owningModuleInfo` (at most `OwningModuleInfoCount` ULONGLONGs; the rest
 * stay zero) at the offsets `at`, checked.
 */
export function writeOwnerModule(
  w: FieldWriter,
  at: OwnerModuleOffsets,
  row: OwnerModuleMembers,
): void {
  w.u32(at.dwOwningPid, row.owningPid, "owningPid");
  w.i64(at.liCreateTimestamp, row.createTimestamp, "createTimestamp");
  w.u64s(at.OwningModuleInfo, row.owningModuleInfo, at.OwningModuleInfoCount, "owningModuleInfo");
}
