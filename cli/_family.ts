// How address families are shown.
import { AF_INET, AF_INET6 } from "../mod.ts";

/** `IPv4` for `AF_INET`, `IPv6` for `AF_INET6`, else the number. */
export function familyName(family: number): string {
  return family === AF_INET ? "IPv4" : family === AF_INET6 ? "IPv6" : String(family);
}
