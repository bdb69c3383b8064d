// The names the tables' enumerations are shown by: netioapi.h's and ipifcons.h's
// names without their prefix (IpPrefixOrigin, NlnsX, RouteProtocol, ...), which
// are also what PowerShell's Get-Net* cmdlets print for the common values.

/** A value's name in `names`, or the value itself as text when it has none. */
export function nameOf(names: Readonly<Record<number, string>>, value: number): string {
  return names[value] ?? String(value);
}

/** `NL_PREFIX_ORIGIN`, as Get-NetIPAddress's PrefixOrigin. */
export const PREFIX_ORIGINS: Readonly<Record<number, string>> = {
  0: "Other",
  1: "Manual",
  2: "WellKnown",
  3: "Dhcp",
  4: "RouterAdvertisement",
  16: "Unchanged",
};

/** `NL_SUFFIX_ORIGIN`, as Get-NetIPAddress's SuffixOrigin. */
export const SUFFIX_ORIGINS: Readonly<Record<number, string>> = {
  0: "Other",
  1: "Manual",
  2: "WellKnown",
  3: "Dhcp",
  4: "LinkLayerAddress",
  5: "Random",
  16: "Unchanged",
};

/** `NL_DAD_STATE`, as Get-NetIPAddress's AddressState. */
export const DAD_STATES: Readonly<Record<number, string>> = {
  0: "Invalid",
  1: "Tentative",
  2: "Duplicate",
  3: "Deprecated",
  4: "Preferred",
};

/**
 * `NL_ROUTE_PROTOCOL` (nldef.h) without its `RouteProtocol` prefix, as
 * Get-NetRoute's Protocol (Local: a connected route, NetMgmt: a static one);
 * the Windows-specific `MIB_IPPROTO_NT_*` values in the same style.
 */
export const ROUTE_PROTOCOLS: Readonly<Record<number, string>> = {
  1: "Other",
  2: "Local",
  3: "NetMgmt",
  4: "Icmp",
  5: "Egp",
  6: "Ggp",
  7: "Hello",
  8: "Rip",
  9: "IsIs",
  10: "EsIs",
  11: "Cisco",
  12: "Bbn",
  13: "Ospf",
  14: "Bgp",
  15: "Idpr",
  16: "Eigrp",
  17: "Dvmrp",
  18: "Rpl",
  19: "Dhcp",
  10002: "NtAutostatic",
  10006: "NtStatic",
  10007: "NtStaticNonDod",
};

/** `NL_NEIGHBOR_STATE`, as Get-NetNeighbor's State. */
export const NEIGHBOR_STATES: Readonly<Record<number, string>> = {
  0: "Unreachable",
  1: "Incomplete",
  2: "Probe",
  3: "Delay",
  4: "Stale",
  5: "Reachable",
  6: "Permanent",
};

/** The common `IFTYPE`s (ipifcons.h), by their IANA ifType names. */
export const INTERFACE_TYPES: Readonly<Record<number, string>> = {
  1: "other",
  6: "ethernetCsmacd",
  9: "iso88025TokenRing",
  23: "ppp",
  24: "softwareLoopback",
  37: "atm",
  53: "propVirtual",
  71: "ieee80211",
  131: "tunnel",
  144: "ieee1394",
  243: "wwanPP",
  244: "wwanPP2",
};

/** `IF_OPER_STATUS` (RFC 2863), as Get-NetAdapter's ifOperStatus. */
export const OPER_STATUSES: Readonly<Record<number, string>> = {
  1: "Up",
  2: "Down",
  3: "Testing",
  4: "Unknown",
  5: "Dormant",
  6: "NotPresent",
  7: "LowerLayerDown",
};

/** `TCP_RTO_ALGORITHM` without its `TcpRtoAlgorithm` prefix (Vanj: Van Jacobson's). */
export const RTO_ALGORITHMS: Readonly<Record<number, string>> = {
  1: "Other",
  2: "Constant",
  3: "Rsre",
  4: "Vanj",
};
