// How address families are shown.
import { AF_INET, AF_INET6, type Family } from "../mod.ts";
import { oneOf, type OptionValues } from "./_parse.ts";

/** `IPv4` for `AF_INET`, `IPv6` for `AF_INET6`, else the number. */
export function familyName(family: number): string {
  return family === AF_INET ? "IPv4" : family === AF_INET6 ? "IPv6" : String(family);
}

/** The `--family` option of the commands that take one. */
export interface FamilyArgs {
  /** `--family`: ipv4, ipv6 or all (the default). */
  family: Family;
}

const FAMILIES: readonly Family[] = ["ipv4", "ipv6", "all"];

/** Reads `--family`. */
export function parseFamily({ text }: OptionValues): FamilyArgs {
  return { family: oneOf(text("family") ?? "all", "--family", FAMILIES) };
}
