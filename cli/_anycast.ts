// The anycast command: GetAnycastIpAddressTable.
import { getAnycastIpAddressTable, type IpHelperSymbols } from "../mod.ts";
import type { FamilyArgs } from "./_args.ts";
import { familyName } from "./_family.ts";
import type { Column, View } from "./_view.ts";

const COLUMNS: readonly Column[] = [
  { header: "Address" },
  { header: "Family" },
  { header: "Index", align: "right" },
  { header: "LUID" },
  { header: "Scope ID", align: "right" },
];

/**
 * Reads the anycast addresses of `args.family`.
 *
 * @param args The parsed `anycast` command line.
 * @param symbols A mock's functions, or undefined for the live DLL.
 * @returns The view.
 * @throws {IpHelperError} If Windows fails.
 */
export function anycastView(args: FamilyArgs, symbols: IpHelperSymbols | undefined): View {
  const rows = getAnycastIpAddressTable({ family: args.family, ...(symbols && { symbols }) });
  return {
    columns: [...COLUMNS],
    rows: rows.map((row) => ({
      key: `${row.address.address} ${row.interfaceIndex}`,
      cells: [
        { text: row.address.address },
        { text: familyName(row.address.family) },
        { text: String(row.interfaceIndex) },
        { text: `0x${row.interfaceLuid.toString(16)}` },
        { text: String(row.scopeId) },
      ],
      data: row,
    })),
    notes: [],
  };
}
