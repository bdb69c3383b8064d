import { DecodeError } from "./decode_error.ts";
import { TCPIP_OWNER_MODULE_BASIC_INFO as INFO } from "./layout.ts";
import { readUtf16, writeUtf16 } from "./_utf16.ts";

const STRUCTURE = "TCPIP_OWNER_MODULE_BASIC_INFO";

/** The module that owns a connection, from `GetOwnerModuleFromTcpEntry`. */
export interface OwnerModuleBasicInfo {
  /** The module's file name, for example `"svchost.exe"`. */
  moduleName: string;
  /** The module's full path, for example `"C:\\Windows\\System32\\svchost.exe"`. */
  modulePath: string;
}

/** A buffer's address: a bigint from 0 to 2^64 - 1, nothing else. */
function checkAddress(fn: string, address: unknown): void {
  if (typeof address !== "bigint" || address < 0n || address > 0xffff_ffff_ffff_ffffn) {
    throw new TypeError(`${fn}: baseAddress must be a bigint from 0 to 2^64 - 1`);
  }
}

function readString(
  view: DataView,
  pointer: bigint,
  baseAddress: bigint,
  member: string,
): string {
  const offset = pointer - baseAddress;
  if (offset < INFO.size || offset >= view.byteLength) {
    throw new DecodeError(
      STRUCTURE,
      `${member} 0x${
        pointer.toString(16)
      } should point into bytes ${INFO.size}..${view.byteLength} ` +
        `of the buffer at 0x${baseAddress.toString(16)}, found offset ${offset}`,
    );
  }
  const start = Number(offset);
  if (start % 2 !== 0) {
    throw new DecodeError(
      STRUCTURE,
      `${member} string at offset ${start} is not aligned to its 2-byte WCHARs`,
    );
  }
  for (let end = start; end + 2 <= view.byteLength; end += 2) {
    // Unit by unit, so that an unpaired surrogate comes back as it is.
    if (view.getUint16(end, true) === 0) return readUtf16(view, start, (end - start) / 2);
  }
  throw new DecodeError(
    STRUCTURE,
    `${member} string at offset ${start} has no terminating NUL before the end of the ${view.byteLength}-byte buffer`,
  );
}

/**
 * Decodes the buffer `GetOwnerModuleFromTcpEntry` fills: a
 * `TCPIP_OWNER_MODULE_BASIC_INFO` (two `PWCHAR`s) followed by the UTF-16
 * strings they point at. The pointers are absolute addresses, so the address
 * the buffer had when they were written is needed to resolve them.
 *
 * @param bytes The whole buffer, header and strings.
 * @param baseAddress The address of `bytes[0]` when Windows wrote the pointers.
 * @returns The module name and path.
 * @throws {DecodeError} If the buffer is shorter than the header, or a pointer
 * falls outside the strings area (into the header or past the end) or is not
 * 2-byte aligned, or a string lacks its terminating NUL.
 * @throws {TypeError} If `bytes` is not a Uint8Array or `baseAddress` not a 64-bit address.
 *
 * @example
 * ```ts
 * import { decodeOwnerModuleBasicInfo } from "@iphlpapi/iphlpapi";
 * import { encodeOwnerModuleBasicInfo } from "@iphlpapi/iphlpapi/mock";
 *
 * const base = 0x10000n;
 * const bytes = encodeOwnerModuleBasicInfo(
 *   { moduleName: "svchost.exe", modulePath: "C:\\Windows\\System32\\svchost.exe" },
 *   base,
 * );
 * console.log(decodeOwnerModuleBasicInfo(bytes, base).moduleName); // "svchost.exe"
 * ```
 */
export function decodeOwnerModuleBasicInfo(
  bytes: Uint8Array,
  baseAddress: bigint,
): OwnerModuleBasicInfo {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError("decodeOwnerModuleBasicInfo: expected a Uint8Array");
  }
  checkAddress("decodeOwnerModuleBasicInfo", baseAddress);
  if (bytes.byteLength < INFO.size) {
    throw new DecodeError(
      STRUCTURE,
      `expected at least ${INFO.size} bytes, found ${bytes.byteLength}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    moduleName: readString(
      view,
      view.getBigUint64(INFO.pModuleName, true),
      baseAddress,
      "pModuleName",
    ),
    modulePath: readString(
      view,
      view.getBigUint64(INFO.pModulePath, true),
      baseAddress,
      "pModulePath",
    ),
  };
}

/**
 * Encodes module info the way `GetOwnerModuleFromTcpEntry` lays it out: the
 * header, then the NUL-terminated name, then the path, with the header's
 * pointers computed from `baseAddress`. The inverse of
 * {@linkcode decodeOwnerModuleBasicInfo}.
 *
 * @param info The module name and path.
 * @param baseAddress The address the buffer is assumed to live at.
 * @returns The buffer.
 *
 * @example
 * ```ts
 * import { encodeOwnerModuleBasicInfo } from "@iphlpapi/iphlpapi/mock";
 *
 * const bytes = encodeOwnerModuleBasicInfo({ moduleName: "a", modulePath: "b" }, 0n);
 * console.log(bytes.length); // 24
 * ```
 */
export function encodeOwnerModuleBasicInfo(
  info: OwnerModuleBasicInfo,
  baseAddress: bigint,
): Uint8Array {
  checkAddress("encodeOwnerModuleBasicInfo", baseAddress);
  if (typeof info !== "object" || info === null) {
    throw new TypeError("encodeOwnerModuleBasicInfo: info must be { moduleName, modulePath }");
  }
  for (const field of ["moduleName", "modulePath"] as const) {
    if (typeof info[field] !== "string" || info[field].includes("\0")) {
      throw new TypeError(`encodeOwnerModuleBasicInfo: ${field} must be a string without NUL`);
    }
  }
  const nameAt = INFO.size;
  const pathAt = nameAt + 2 * (info.moduleName.length + 1);
  const bytes = new Uint8Array(pathAt + 2 * (info.modulePath.length + 1));
  const view = new DataView(bytes.buffer);
  view.setBigUint64(INFO.pModuleName, baseAddress + BigInt(nameAt), true);
  view.setBigUint64(INFO.pModulePath, baseAddress + BigInt(pathAt), true);
  writeUtf16(view, nameAt, info.moduleName, info.moduleName.length + 1, "moduleName");
  writeUtf16(view, pathAt, info.modulePath, info.modulePath.length + 1, "modulePath");
  return bytes;
}
