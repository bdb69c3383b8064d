import type { IpHelperSymbols, NonblockingIpHelperSymbols } from "./symbols.ts";

/** The `symbols` seam of every blocking table function. */
export interface SymbolsOption {
  /**
   * The functions to call instead of the live `iphlpapi.dll`: a mock's
   * `symbols` (see `@iphlpapi/iphlpapi/mock`). Defaults to {@linkcode loadIpHelper}.
   */
  symbols?: IpHelperSymbols;
}

/** The `symbols` seam of every async table function. */
export interface AsyncSymbolsOption {
  /**
   * The functions to call instead of the live `iphlpapi.dll`: nonblocking
   * symbols, or blocking ones such as a mock's. Defaults to
   * {@linkcode loadNonblockingIpHelper}.
   */
  symbols?: IpHelperSymbols | NonblockingIpHelperSymbols;
}

/** Which address family a netioapi table covers. */
export type Family = "all" | "ipv4" | "ipv6";

/** The `family` option of the netioapi table functions. */
export interface FamilyOption {
  /** `"ipv4"` (AF_INET), `"ipv6"` (AF_INET6) or `"all"` (AF_UNSPEC, the default). */
  family?: Family;
}

/** The `sorted` option of the TCP table functions (the `Order` flag). */
export interface SortedOption {
  /** Ask Windows to sort the rows by local address, local port, remote address, remote port. Default false. */
  sorted?: boolean;
}
