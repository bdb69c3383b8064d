import { DecodeError } from "./decode_error.ts";
import { TCPIP_OWNER_MODULE_BASIC_INFO as INFO } from "./layout.ts";

const STRUCTURE = "TCPIP_OWNER_MODULE_BASIC_INFO";
const UTF16 = new TextDecoder("utf-16le");

/** The module that owns a connection, from `GetOwnerModuleFromTcpEntry`. */
export interface OwnerModuleBasicInfo {
  /** The module's file name, for example `"svchost.exe"`. */
  moduleName: string;
  /** The module's full path, for example `"C:\\Windows\\System32\\svchost.exe"`. */
  modulePath: string;
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
  for (let end = start; end + 2 <= view.byteLength; end += 2) {
    if (view.getUint16(end, true) === 0) {
      return UTF16.decode(new Uint8Array(view.buffer, view.byteOffset + start, end - start));
    }
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
 * falls outside the strings area (into the header or past the end), or a
 * string lacks its terminating NUL.
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
  const nameAt = INFO.size;
  const pathAt = nameAt + 2 * (info.moduleName.length + 1);
  const bytes = new Uint8Array(pathAt + 2 * (info.modulePath.length + 1));
  const view = new DataView(bytes.buffer);
  view.setBigUint64(INFO.pModuleName, baseAddress + BigInt(nameAt), true);
  view.setBigUint64(INFO.pModulePath, baseAddress + BigInt(pathAt), true);
  const put = (text: string, at: number) => {
    for (let i = 0; i < text.length; i++) view.setUint16(at + 2 * i, text.charCodeAt(i), true);
  };
  put(info.moduleName, nameAt);
  put(info.modulePath, pathAt);
  return bytes;
}
