/**
 * The eight one-bit flags of an `NL_INTERFACE_OFFLOAD_ROD`: which offloads an
 * interface's hardware performs.
 */
export interface InterfaceOffload {
  /** `NlChecksumSupported`: IP header checksum. */
  nlChecksumSupported: boolean;
  /** `NlOptionsSupported`: IP options. */
  nlOptionsSupported: boolean;
  /** `TlDatagramChecksumSupported`: UDP checksum. */
  tlDatagramChecksumSupported: boolean;
  /** `TlStreamChecksumSupported`: TCP checksum. */
  tlStreamChecksumSupported: boolean;
  /** `TlStreamOptionsSupported`: TCP options. */
  tlStreamOptionsSupported: boolean;
  /** `FastPathCompatible`: the interface can use the fast path. */
  fastPathCompatible: boolean;
  /** `TlLargeSendOffloadSupported`: large send offload (LSO). */
  tlLargeSendOffloadSupported: boolean;
  /** `TlGiantSendOffloadSupported`: giant send offload (GSO). */
  tlGiantSendOffloadSupported: boolean;
}

/** A decoded `MIB_IPINTERFACE_ROW`: every member, named as in netioapi.h, lowerCamelCase. */
export interface IpInterfaceRow {
  /** `AF_INET` (2) or `AF_INET6` (23). */
  family: number;
  /** `NET_LUID`: the locally unique interface identifier. */
  interfaceLuid: bigint;
  /** The interface index (`NET_IFINDEX`). */
  interfaceIndex: number;
  /** Largest IP packet the interface reassembles, in bytes. */
  maxReassemblySize: number;
  /** The interface identifier used in IPv6 address autoconfiguration. */
  interfaceIdentifier: bigint;
  /** Minimum router advertisement interval, ms. */
  minRouterAdvertisementInterval: number;
  /** Maximum router advertisement interval, ms. */
  maxRouterAdvertisementInterval: number;
  /** The interface sends router advertisements. */
  advertisingEnabled: boolean;
  /** The interface forwards packets. */
  forwardingEnabled: boolean;
  /** Weak host send model. */
  weakHostSend: boolean;
  /** Weak host receive model. */
  weakHostReceive: boolean;
  /** The metric is computed from the link speed. */
  useAutomaticMetric: boolean;
  /** Neighbor unreachability detection is used. */
  useNeighborUnreachabilityDetection: boolean;
  /** Addresses may be configured statefully (DHCPv6 "M" flag). */
  managedAddressConfigurationSupported: boolean;
  /** Other settings may be configured statefully (DHCPv6 "O" flag). */
  otherStatefulConfigurationSupported: boolean;
  /** Router advertisements advertise a default route. */
  advertiseDefaultRoute: boolean;
  /** The raw `NL_ROUTER_DISCOVERY_BEHAVIOR` (0 disabled, 1 enabled, 2 DHCP, -1 unchanged). */
  routerDiscoveryBehavior: number;
  /** Duplicate address detection transmissions. */
  dadTransmits: number;
  /** Base reachable time, ms. */
  baseReachableTime: number;
  /** Neighbor solicitation retransmit time, ms. */
  retransmitTime: number;
  /** Path MTU discovery timeout, ms. */
  pathMtuDiscoveryTimeout: number;
  /** The raw `NL_LINK_LOCAL_ADDRESS_BEHAVIOR` (0 always off, 1 delayed, 2 always on, -1 unchanged). */
  linkLocalAddressBehavior: number;
  /** Link-local address timeout, ms. */
  linkLocalAddressTimeout: number;
  /** The zone index of each of the 16 scope levels. */
  zoneIndices: number[];
  /** Site prefix length. */
  sitePrefixLength: number;
  /** The interface metric (route preference; lower is preferred). */
  metric: number;
  /** The network-layer MTU, in bytes. */
  nlMtu: number;
  /** The interface is connected. */
  connected: boolean;
  /** The interface supports wake-up patterns. */
  supportsWakeUpPatterns: boolean;
  /** The interface supports neighbor discovery. */
  supportsNeighborDiscovery: boolean;
  /** The interface supports router discovery. */
  supportsRouterDiscovery: boolean;
  /** Reachable time, ms. */
  reachableTime: number;
  /** Transmit offload capabilities. */
  transmitOffload: InterfaceOffload;
  /** Receive offload capabilities. */
  receiveOffload: InterfaceOffload;
  /** Default routes on this interface are ignored. */
  disableDefaultRoutes: boolean;
}
