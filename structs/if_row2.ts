/**
 * A decoded `MIB_IF_ROW2`: one network interface, every member named as in
 * netioapi.h, lowerCamelCase, with the eight one-bit members of
 * `InterfaceAndOperStatusFlags` as booleans of their own.
 */
export interface IfRow2 {
  /** `NET_LUID`: the locally unique interface identifier. */
  interfaceLuid: bigint;
  /** The interface index (`NET_IFINDEX`). */
  interfaceIndex: number;
  /** The interface's GUID, 8-4-4-4-12 lowercase hex: `"6b29fc40-ca47-1067-b31d-00dd010662da"`. */
  interfaceGuid: string;
  /** The interface's name, for example `"Ethernet"` (at most 257 UTF-16 units, kept exactly). */
  alias: string;
  /** The adapter's description (at most 257 UTF-16 units, kept exactly). */
  description: string;
  /** How many bytes of the physical addresses count (at most 32). */
  physicalAddressLength: number;
  /**
   * The current physical address as `ipconfig /all` prints it: the first
   * `physicalAddressLength` bytes as lowercase hex pairs joined by "-"
   * (`"00-15-5d-01-02-03"`); `""` when the length is 0.
   */
  physicalAddress: string;
  /** The permanent (burned-in) physical address, in the same form and length. */
  permanentPhysicalAddress: string;
  /** The MTU, bytes. */
  mtu: number;
  /** The raw `IFTYPE` (IANA ifType): 6 Ethernet, 24 software loopback, 71 Wi-Fi, 131 tunnel, ... */
  type: number;
  /**
   * The raw `TUNNEL_TYPE`: 0 none, 1 other, 2 direct, 11 6to4, 13 ISATAP,
   * 14 Teredo, 15 IP-HTTPS.
   */
  tunnelType: number;
  /** The raw `NDIS_MEDIUM`: 0 802.3, ..., 15 tunnel, 16 native 802.11, 17 loopback, 19 IP. */
  mediaType: number;
  /** The raw `NDIS_PHYSICAL_MEDIUM`: 0 unspecified, 9 native 802.11, 14 802.3, ... */
  physicalMediumType: number;
  /**
   * The raw `NET_IF_ACCESS_TYPE`: 1 loopback, 2 broadcast, 3 point-to-point,
   * 4 point-to-multipoint.
   */
  accessType: number;
  /** The raw `NET_IF_DIRECTION_TYPE`: 0 send and receive, 1 send only, 2 receive only. */
  directionType: number;
  /** `HardwareInterface`: a hardware interface. */
  hardwareInterface: boolean;
  /** `FilterInterface`: a filter module. */
  filterInterface: boolean;
  /** `ConnectorPresent`: a connector is present (a physical adapter). */
  connectorPresent: boolean;
  /** `NotAuthenticated`: the port is not authenticated (802.1X). */
  notAuthenticated: boolean;
  /** `NotMediaConnected`: the media is not connected. */
  notMediaConnected: boolean;
  /** `Paused`: the adapter is paused. */
  paused: boolean;
  /** `LowPower`: the adapter is in a low-power state. */
  lowPower: boolean;
  /** `EndPointInterface`: an end point device interface (not a real adapter). */
  endPointInterface: boolean;
  /**
   * The raw `IF_OPER_STATUS` (RFC 2863): 1 up, 2 down, 3 testing, 4 unknown,
   * 5 dormant, 6 not present, 7 lower layer down.
   */
  operStatus: number;
  /** The raw `NET_IF_ADMIN_STATUS`: 1 up, 2 down, 3 testing. */
  adminStatus: number;
  /** The raw `NET_IF_MEDIA_CONNECT_STATE`: 0 unknown, 1 connected, 2 disconnected. */
  mediaConnectState: number;
  /** The GUID of the network the interface belongs to, in the form of `interfaceGuid`. */
  networkGuid: string;
  /** The raw `NET_IF_CONNECTION_TYPE`: 1 dedicated, 2 passive, 3 demand, 4 maximum. */
  connectionType: number;
  /** Transmit link speed, bits per second. */
  transmitLinkSpeed: bigint;
  /** Receive link speed, bits per second. */
  receiveLinkSpeed: bigint;
  /** Octets received. */
  inOctets: bigint;
  /** Unicast packets received. */
  inUcastPkts: bigint;
  /** Non-unicast packets received. */
  inNUcastPkts: bigint;
  /** Inbound packets discarded without an error. */
  inDiscards: bigint;
  /** Inbound packets with errors. */
  inErrors: bigint;
  /** Inbound packets of an unknown protocol. */
  inUnknownProtos: bigint;
  /** Octets received in unicast packets. */
  inUcastOctets: bigint;
  /** Octets received in multicast packets. */
  inMulticastOctets: bigint;
  /** Octets received in broadcast packets. */
  inBroadcastOctets: bigint;
  /** Octets sent. */
  outOctets: bigint;
  /** Unicast packets sent. */
  outUcastPkts: bigint;
  /** Non-unicast packets sent. */
  outNUcastPkts: bigint;
  /** Outbound packets discarded without an error. */
  outDiscards: bigint;
  /** Outbound packets with errors. */
  outErrors: bigint;
  /** Octets sent in unicast packets. */
  outUcastOctets: bigint;
  /** Octets sent in multicast packets. */
  outMulticastOctets: bigint;
  /** Octets sent in broadcast packets. */
  outBroadcastOctets: bigint;
  /** Length of the output queue, packets. */
  outQLen: bigint;
}
