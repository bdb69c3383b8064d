/*
 * Layout probe: prints sizeof/offsetof of every struct that structs/layout.ts
 * describes, as "STRUCT MEMBER VALUE" lines, computed by the compiler from the
 * real Windows headers (mingw-w64, x86_64). tests/layout_test.ts compares the
 * output with the TypeScript constants, both ways.
 *
 * Build: x86_64-w64-mingw32-gcc -O0 -o probe.exe probe.c
 * Run:   wine64 probe.exe   (or on Windows)
 */
#define _WIN32_WINNT 0x0A00
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>

#define SIZE(s) printf("%s size %u\n", #s, (unsigned)sizeof(s))
#define OFF(s, m) printf("%s %s %u\n", #s, #m, (unsigned)offsetof(s, m))

/* Bit index of a one-bit BOOLEAN bitfield inside NL_INTERFACE_OFFLOAD_ROD. */
#define BIT(m)                                                          \
  do {                                                                  \
    NL_INTERFACE_OFFLOAD_ROD rod;                                       \
    unsigned char byte;                                                 \
    memset(&rod, 0, sizeof rod);                                        \
    rod.m = 1;                                                          \
    memcpy(&byte, &rod, 1);                                             \
    printf("NL_INTERFACE_OFFLOAD_ROD_BITS %s %d\n", #m, __builtin_ctz(byte)); \
  } while (0)

int main(void) {
  OFF(MIB_TCPTABLE, dwNumEntries);
  OFF(MIB_TCPTABLE, table);
  SIZE(MIB_TCPROW);
  OFF(MIB_TCPROW, dwState);
  OFF(MIB_TCPROW, dwLocalAddr);
  OFF(MIB_TCPROW, dwLocalPort);
  OFF(MIB_TCPROW, dwRemoteAddr);
  OFF(MIB_TCPROW, dwRemotePort);

  OFF(MIB_TCPTABLE2, dwNumEntries);
  OFF(MIB_TCPTABLE2, table);
  SIZE(MIB_TCPROW2);
  OFF(MIB_TCPROW2, dwState);
  OFF(MIB_TCPROW2, dwLocalAddr);
  OFF(MIB_TCPROW2, dwLocalPort);
  OFF(MIB_TCPROW2, dwRemoteAddr);
  OFF(MIB_TCPROW2, dwRemotePort);
  OFF(MIB_TCPROW2, dwOwningPid);
  OFF(MIB_TCPROW2, dwOffloadState);

  OFF(MIB_TCPTABLE_OWNER_PID, dwNumEntries);
  OFF(MIB_TCPTABLE_OWNER_PID, table);
  SIZE(MIB_TCPROW_OWNER_PID);
  OFF(MIB_TCPROW_OWNER_PID, dwState);
  OFF(MIB_TCPROW_OWNER_PID, dwLocalAddr);
  OFF(MIB_TCPROW_OWNER_PID, dwLocalPort);
  OFF(MIB_TCPROW_OWNER_PID, dwRemoteAddr);
  OFF(MIB_TCPROW_OWNER_PID, dwRemotePort);
  OFF(MIB_TCPROW_OWNER_PID, dwOwningPid);

  OFF(MIB_TCPTABLE_OWNER_MODULE, dwNumEntries);
  OFF(MIB_TCPTABLE_OWNER_MODULE, table);
  SIZE(MIB_TCPROW_OWNER_MODULE);
  OFF(MIB_TCPROW_OWNER_MODULE, dwState);
  OFF(MIB_TCPROW_OWNER_MODULE, dwLocalAddr);
  OFF(MIB_TCPROW_OWNER_MODULE, dwLocalPort);
  OFF(MIB_TCPROW_OWNER_MODULE, dwRemoteAddr);
  OFF(MIB_TCPROW_OWNER_MODULE, dwRemotePort);
  OFF(MIB_TCPROW_OWNER_MODULE, dwOwningPid);
  OFF(MIB_TCPROW_OWNER_MODULE, liCreateTimestamp);
  OFF(MIB_TCPROW_OWNER_MODULE, OwningModuleInfo);
  printf("MIB_TCPROW_OWNER_MODULE OwningModuleInfoCount %u\n",
         (unsigned)TCPIP_OWNING_MODULE_SIZE);

  SIZE(TCPIP_OWNER_MODULE_BASIC_INFO);
  OFF(TCPIP_OWNER_MODULE_BASIC_INFO, pModuleName);
  OFF(TCPIP_OWNER_MODULE_BASIC_INFO, pModulePath);

  SIZE(SOCKADDR_IN);
  OFF(SOCKADDR_IN, sin_family);
  OFF(SOCKADDR_IN, sin_port);
  OFF(SOCKADDR_IN, sin_addr);
  SIZE(SOCKADDR_IN6);
  OFF(SOCKADDR_IN6, sin6_family);
  OFF(SOCKADDR_IN6, sin6_port);
  OFF(SOCKADDR_IN6, sin6_flowinfo);
  OFF(SOCKADDR_IN6, sin6_addr);
  OFF(SOCKADDR_IN6, sin6_scope_id);
  SIZE(SOCKADDR_INET);

  OFF(MIB_ANYCASTIPADDRESS_TABLE, NumEntries);
  OFF(MIB_ANYCASTIPADDRESS_TABLE, Table);
  SIZE(MIB_ANYCASTIPADDRESS_ROW);
  OFF(MIB_ANYCASTIPADDRESS_ROW, Address);
  OFF(MIB_ANYCASTIPADDRESS_ROW, InterfaceLuid);
  OFF(MIB_ANYCASTIPADDRESS_ROW, InterfaceIndex);
  OFF(MIB_ANYCASTIPADDRESS_ROW, ScopeId);

  OFF(MIB_IPINTERFACE_TABLE, NumEntries);
  OFF(MIB_IPINTERFACE_TABLE, Table);
  SIZE(MIB_IPINTERFACE_ROW);
  OFF(MIB_IPINTERFACE_ROW, Family);
  OFF(MIB_IPINTERFACE_ROW, InterfaceLuid);
  OFF(MIB_IPINTERFACE_ROW, InterfaceIndex);
  OFF(MIB_IPINTERFACE_ROW, MaxReassemblySize);
  OFF(MIB_IPINTERFACE_ROW, InterfaceIdentifier);
  OFF(MIB_IPINTERFACE_ROW, MinRouterAdvertisementInterval);
  OFF(MIB_IPINTERFACE_ROW, MaxRouterAdvertisementInterval);
  OFF(MIB_IPINTERFACE_ROW, AdvertisingEnabled);
  OFF(MIB_IPINTERFACE_ROW, ForwardingEnabled);
  OFF(MIB_IPINTERFACE_ROW, WeakHostSend);
  OFF(MIB_IPINTERFACE_ROW, WeakHostReceive);
  OFF(MIB_IPINTERFACE_ROW, UseAutomaticMetric);
  OFF(MIB_IPINTERFACE_ROW, UseNeighborUnreachabilityDetection);
  OFF(MIB_IPINTERFACE_ROW, ManagedAddressConfigurationSupported);
  OFF(MIB_IPINTERFACE_ROW, OtherStatefulConfigurationSupported);
  OFF(MIB_IPINTERFACE_ROW, AdvertiseDefaultRoute);
  OFF(MIB_IPINTERFACE_ROW, RouterDiscoveryBehavior);
  OFF(MIB_IPINTERFACE_ROW, DadTransmits);
  OFF(MIB_IPINTERFACE_ROW, BaseReachableTime);
  OFF(MIB_IPINTERFACE_ROW, RetransmitTime);
  OFF(MIB_IPINTERFACE_ROW, PathMtuDiscoveryTimeout);
  OFF(MIB_IPINTERFACE_ROW, LinkLocalAddressBehavior);
  OFF(MIB_IPINTERFACE_ROW, LinkLocalAddressTimeout);
  OFF(MIB_IPINTERFACE_ROW, ZoneIndices);
  printf("MIB_IPINTERFACE_ROW ZoneIndicesCount %u\n", (unsigned)ScopeLevelCount);
  OFF(MIB_IPINTERFACE_ROW, SitePrefixLength);
  OFF(MIB_IPINTERFACE_ROW, Metric);
  OFF(MIB_IPINTERFACE_ROW, NlMtu);
  OFF(MIB_IPINTERFACE_ROW, Connected);
  OFF(MIB_IPINTERFACE_ROW, SupportsWakeUpPatterns);
  OFF(MIB_IPINTERFACE_ROW, SupportsNeighborDiscovery);
  OFF(MIB_IPINTERFACE_ROW, SupportsRouterDiscovery);
  OFF(MIB_IPINTERFACE_ROW, ReachableTime);
  OFF(MIB_IPINTERFACE_ROW, TransmitOffload);
  OFF(MIB_IPINTERFACE_ROW, ReceiveOffload);
  OFF(MIB_IPINTERFACE_ROW, DisableDefaultRoutes);

  BIT(NlChecksumSupported);
  BIT(NlOptionsSupported);
  BIT(TlDatagramChecksumSupported);
  BIT(TlStreamChecksumSupported);
  BIT(TlStreamOptionsSupported);
  BIT(FastPathCompatible);
  BIT(TlLargeSendOffloadSupported);
  BIT(TlGiantSendOffloadSupported);
  /* ---- wave 2: IPv6 and UDP connection tables (issue 9) ---- */

  OFF(MIB_TCP6TABLE, dwNumEntries);
  OFF(MIB_TCP6TABLE, table);
  SIZE(MIB_TCP6ROW);
  OFF(MIB_TCP6ROW, State);
  OFF(MIB_TCP6ROW, LocalAddr);
  OFF(MIB_TCP6ROW, dwLocalScopeId);
  OFF(MIB_TCP6ROW, dwLocalPort);
  OFF(MIB_TCP6ROW, RemoteAddr);
  OFF(MIB_TCP6ROW, dwRemoteScopeId);
  OFF(MIB_TCP6ROW, dwRemotePort);

  OFF(MIB_TCP6TABLE2, dwNumEntries);
  OFF(MIB_TCP6TABLE2, table);
  SIZE(MIB_TCP6ROW2);
  OFF(MIB_TCP6ROW2, LocalAddr);
  OFF(MIB_TCP6ROW2, dwLocalScopeId);
  OFF(MIB_TCP6ROW2, dwLocalPort);
  OFF(MIB_TCP6ROW2, RemoteAddr);
  OFF(MIB_TCP6ROW2, dwRemoteScopeId);
  OFF(MIB_TCP6ROW2, dwRemotePort);
  OFF(MIB_TCP6ROW2, State);
  OFF(MIB_TCP6ROW2, dwOwningPid);
  OFF(MIB_TCP6ROW2, dwOffloadState);

  OFF(MIB_TCP6TABLE_OWNER_PID, dwNumEntries);
  OFF(MIB_TCP6TABLE_OWNER_PID, table);
  SIZE(MIB_TCP6ROW_OWNER_PID);
  OFF(MIB_TCP6ROW_OWNER_PID, ucLocalAddr);
  OFF(MIB_TCP6ROW_OWNER_PID, dwLocalScopeId);
  OFF(MIB_TCP6ROW_OWNER_PID, dwLocalPort);
  OFF(MIB_TCP6ROW_OWNER_PID, ucRemoteAddr);
  OFF(MIB_TCP6ROW_OWNER_PID, dwRemoteScopeId);
  OFF(MIB_TCP6ROW_OWNER_PID, dwRemotePort);
  OFF(MIB_TCP6ROW_OWNER_PID, dwState);
  OFF(MIB_TCP6ROW_OWNER_PID, dwOwningPid);

  OFF(MIB_TCP6TABLE_OWNER_MODULE, dwNumEntries);
  OFF(MIB_TCP6TABLE_OWNER_MODULE, table);
  SIZE(MIB_TCP6ROW_OWNER_MODULE);
  OFF(MIB_TCP6ROW_OWNER_MODULE, ucLocalAddr);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwLocalScopeId);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwLocalPort);
  OFF(MIB_TCP6ROW_OWNER_MODULE, ucRemoteAddr);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwRemoteScopeId);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwRemotePort);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwState);
  OFF(MIB_TCP6ROW_OWNER_MODULE, dwOwningPid);
  OFF(MIB_TCP6ROW_OWNER_MODULE, liCreateTimestamp);
  OFF(MIB_TCP6ROW_OWNER_MODULE, OwningModuleInfo);
  printf("MIB_TCP6ROW_OWNER_MODULE OwningModuleInfoCount %u\n",
         (unsigned)TCPIP_OWNING_MODULE_SIZE);

  OFF(MIB_UDPTABLE, dwNumEntries);
  OFF(MIB_UDPTABLE, table);
  SIZE(MIB_UDPROW);
  OFF(MIB_UDPROW, dwLocalAddr);
  OFF(MIB_UDPROW, dwLocalPort);

  OFF(MIB_UDPTABLE_OWNER_PID, dwNumEntries);
  OFF(MIB_UDPTABLE_OWNER_PID, table);
  SIZE(MIB_UDPROW_OWNER_PID);
  OFF(MIB_UDPROW_OWNER_PID, dwLocalAddr);
  OFF(MIB_UDPROW_OWNER_PID, dwLocalPort);
  OFF(MIB_UDPROW_OWNER_PID, dwOwningPid);

  OFF(MIB_UDPTABLE_OWNER_MODULE, dwNumEntries);
  OFF(MIB_UDPTABLE_OWNER_MODULE, table);
  SIZE(MIB_UDPROW_OWNER_MODULE);
  OFF(MIB_UDPROW_OWNER_MODULE, dwLocalAddr);
  OFF(MIB_UDPROW_OWNER_MODULE, dwLocalPort);
  OFF(MIB_UDPROW_OWNER_MODULE, dwOwningPid);
  OFF(MIB_UDPROW_OWNER_MODULE, liCreateTimestamp);
  OFF(MIB_UDPROW_OWNER_MODULE, dwFlags);
  OFF(MIB_UDPROW_OWNER_MODULE, OwningModuleInfo);
  printf("MIB_UDPROW_OWNER_MODULE OwningModuleInfoCount %u\n",
         (unsigned)TCPIP_OWNING_MODULE_SIZE);

  OFF(MIB_UDP6TABLE, dwNumEntries);
  OFF(MIB_UDP6TABLE, table);
  SIZE(MIB_UDP6ROW);
  OFF(MIB_UDP6ROW, dwLocalAddr);
  OFF(MIB_UDP6ROW, dwLocalScopeId);
  OFF(MIB_UDP6ROW, dwLocalPort);

  OFF(MIB_UDP6TABLE_OWNER_PID, dwNumEntries);
  OFF(MIB_UDP6TABLE_OWNER_PID, table);
  SIZE(MIB_UDP6ROW_OWNER_PID);
  OFF(MIB_UDP6ROW_OWNER_PID, ucLocalAddr);
  OFF(MIB_UDP6ROW_OWNER_PID, dwLocalScopeId);
  OFF(MIB_UDP6ROW_OWNER_PID, dwLocalPort);
  OFF(MIB_UDP6ROW_OWNER_PID, dwOwningPid);

  OFF(MIB_UDP6TABLE_OWNER_MODULE, dwNumEntries);
  OFF(MIB_UDP6TABLE_OWNER_MODULE, table);
  SIZE(MIB_UDP6ROW_OWNER_MODULE);
  OFF(MIB_UDP6ROW_OWNER_MODULE, ucLocalAddr);
  OFF(MIB_UDP6ROW_OWNER_MODULE, dwLocalScopeId);
  OFF(MIB_UDP6ROW_OWNER_MODULE, dwLocalPort);
  OFF(MIB_UDP6ROW_OWNER_MODULE, dwOwningPid);
  OFF(MIB_UDP6ROW_OWNER_MODULE, liCreateTimestamp);
  OFF(MIB_UDP6ROW_OWNER_MODULE, dwFlags);
  OFF(MIB_UDP6ROW_OWNER_MODULE, OwningModuleInfo);
  printf("MIB_UDP6ROW_OWNER_MODULE OwningModuleInfoCount %u\n",
         (unsigned)TCPIP_OWNING_MODULE_SIZE);

  /* Bit index of the one-bit SpecificPortBind inside the DWORD of its union
     with dwFlags, measured as BIT does: set it alone, read the word back. */
#define UNION_BIT(s, m, u)                                                  \
  do {                                                                      \
    s row;                                                                  \
    DWORD word;                                                             \
    memset(&row, 0, sizeof row);                                            \
    row.m = 1;                                                              \
    memcpy(&word, (unsigned char *)&row + offsetof(s, u), sizeof word);     \
    printf("%s_BITS %s %d\n", #s, #m, __builtin_ctz(word));                 \
  } while (0)
  UNION_BIT(MIB_UDPROW_OWNER_MODULE, SpecificPortBind, dwFlags);
  UNION_BIT(MIB_UDP6ROW_OWNER_MODULE, SpecificPortBind, dwFlags);
#undef UNION_BIT

  /* ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ---- */

  /* mingw-w64 10.0 lacks TCP_RTO_ALGORITHM, MIB_TCPSTATS2 and MIB_UDPSTATS2:
     declared here as the Windows SDK's tcpmib.h and udpmib.h (10.0.16299 and
     later) define them. (mingw-w64 has MIB_TCP_RTO_* as macros, so only the
     TcpRtoAlgorithm* names of the SDK's enum are declared.) */
  typedef enum {
    TcpRtoAlgorithmOther = 1,
    TcpRtoAlgorithmConstant,
    TcpRtoAlgorithmRsre,
    TcpRtoAlgorithmVanj,
  } TCP_RTO_ALGORITHM;
  typedef struct _MIB_TCPSTATS2 {
    TCP_RTO_ALGORITHM RtoAlgorithm;
    DWORD dwRtoMin;
    DWORD dwRtoMax;
    DWORD dwMaxConn;
    DWORD dwActiveOpens;
    DWORD dwPassiveOpens;
    DWORD dwAttemptFails;
    DWORD dwEstabResets;
    DWORD dwCurrEstab;
    DWORD64 dw64InSegs;
    DWORD64 dw64OutSegs;
    DWORD dwRetransSegs;
    DWORD dwInErrs;
    DWORD dwOutRsts;
    DWORD dwNumConns;
  } MIB_TCPSTATS2;
  typedef struct _MIB_UDPSTATS2 {
    DWORD64 dw64InDatagrams;
    DWORD dwNoPorts;
    DWORD dwInErrors;
    DWORD64 dw64OutDatagrams;
    DWORD dwNumAddrs;
  } MIB_UDPSTATS2;

  /* Element count of an array member, from its sizeof. */
#define COUNT_OF(s, m) \
  printf("%s %sCount %u\n", #s, #m, (unsigned)(sizeof(((s *)0)->m) / sizeof(((s *)0)->m[0])))
  /* Bit index of the one-bit member `path` inside the byte `u` of `s`, measured
     as BIT does: set it alone, read the byte back. */
#define BYTE_BIT(s, u, path, name)                                          \
  do {                                                                      \
    s row;                                                                  \
    unsigned char byte;                                                     \
    memset(&row, 0, sizeof row);                                            \
    row.path = 1;                                                           \
    memcpy(&byte, (unsigned char *)&row + offsetof(s, u), 1);               \
    printf("%s_BITS %s %d\n", #s, #name, __builtin_ctz(byte));              \
  } while (0)

  OFF(MIB_UNICASTIPADDRESS_TABLE, NumEntries);
  OFF(MIB_UNICASTIPADDRESS_TABLE, Table);
  SIZE(MIB_UNICASTIPADDRESS_ROW);
  OFF(MIB_UNICASTIPADDRESS_ROW, Address);
  OFF(MIB_UNICASTIPADDRESS_ROW, InterfaceLuid);
  OFF(MIB_UNICASTIPADDRESS_ROW, InterfaceIndex);
  OFF(MIB_UNICASTIPADDRESS_ROW, PrefixOrigin);
  OFF(MIB_UNICASTIPADDRESS_ROW, SuffixOrigin);
  OFF(MIB_UNICASTIPADDRESS_ROW, ValidLifetime);
  OFF(MIB_UNICASTIPADDRESS_ROW, PreferredLifetime);
  OFF(MIB_UNICASTIPADDRESS_ROW, OnLinkPrefixLength);
  OFF(MIB_UNICASTIPADDRESS_ROW, SkipAsSource);
  OFF(MIB_UNICASTIPADDRESS_ROW, DadState);
  OFF(MIB_UNICASTIPADDRESS_ROW, ScopeId);
  OFF(MIB_UNICASTIPADDRESS_ROW, CreationTimeStamp);

  OFF(MIB_IPFORWARD_TABLE2, NumEntries);
  OFF(MIB_IPFORWARD_TABLE2, Table);
  SIZE(IP_ADDRESS_PREFIX);
  OFF(IP_ADDRESS_PREFIX, Prefix);
  OFF(IP_ADDRESS_PREFIX, PrefixLength);
  SIZE(MIB_IPFORWARD_ROW2);
  OFF(MIB_IPFORWARD_ROW2, InterfaceLuid);
  OFF(MIB_IPFORWARD_ROW2, InterfaceIndex);
  OFF(MIB_IPFORWARD_ROW2, DestinationPrefix);
  OFF(MIB_IPFORWARD_ROW2, NextHop);
  OFF(MIB_IPFORWARD_ROW2, SitePrefixLength);
  OFF(MIB_IPFORWARD_ROW2, ValidLifetime);
  OFF(MIB_IPFORWARD_ROW2, PreferredLifetime);
  OFF(MIB_IPFORWARD_ROW2, Metric);
  OFF(MIB_IPFORWARD_ROW2, Protocol);
  OFF(MIB_IPFORWARD_ROW2, Loopback);
  OFF(MIB_IPFORWARD_ROW2, AutoconfigureAddress);
  OFF(MIB_IPFORWARD_ROW2, Publish);
  OFF(MIB_IPFORWARD_ROW2, Immortal);
  OFF(MIB_IPFORWARD_ROW2, Age);
  OFF(MIB_IPFORWARD_ROW2, Origin);

  OFF(MIB_IPNET_TABLE2, NumEntries);
  OFF(MIB_IPNET_TABLE2, Table);
  SIZE(MIB_IPNET_ROW2);
  OFF(MIB_IPNET_ROW2, Address);
  OFF(MIB_IPNET_ROW2, InterfaceIndex);
  OFF(MIB_IPNET_ROW2, InterfaceLuid);
  OFF(MIB_IPNET_ROW2, PhysicalAddress);
  COUNT_OF(MIB_IPNET_ROW2, PhysicalAddress);
  OFF(MIB_IPNET_ROW2, PhysicalAddressLength);
  OFF(MIB_IPNET_ROW2, State);
  OFF(MIB_IPNET_ROW2, Flags);
  OFF(MIB_IPNET_ROW2, ReachabilityTime);
  BYTE_BIT(MIB_IPNET_ROW2, Flags, IsRouter, IsRouter);
  BYTE_BIT(MIB_IPNET_ROW2, Flags, IsUnreachable, IsUnreachable);
  printf("MIB_IPNET_ROW2_REACHABILITY_TIME size %u\n",
         (unsigned)sizeof(((MIB_IPNET_ROW2 *)0)->ReachabilityTime));
  printf("MIB_IPNET_ROW2_REACHABILITY_TIME LastReachable %u\n",
         (unsigned)(offsetof(MIB_IPNET_ROW2, ReachabilityTime.LastReachable) -
                    offsetof(MIB_IPNET_ROW2, ReachabilityTime)));
  printf("MIB_IPNET_ROW2_REACHABILITY_TIME LastUnreachable %u\n",
         (unsigned)(offsetof(MIB_IPNET_ROW2, ReachabilityTime.LastUnreachable) -
                    offsetof(MIB_IPNET_ROW2, ReachabilityTime)));

  OFF(MIB_IF_TABLE2, NumEntries);
  OFF(MIB_IF_TABLE2, Table);
  SIZE(MIB_IF_ROW2);
  OFF(MIB_IF_ROW2, InterfaceLuid);
  OFF(MIB_IF_ROW2, InterfaceIndex);
  OFF(MIB_IF_ROW2, InterfaceGuid);
  OFF(MIB_IF_ROW2, Alias);
  COUNT_OF(MIB_IF_ROW2, Alias);
  OFF(MIB_IF_ROW2, Description);
  COUNT_OF(MIB_IF_ROW2, Description);
  OFF(MIB_IF_ROW2, PhysicalAddressLength);
  OFF(MIB_IF_ROW2, PhysicalAddress);
  COUNT_OF(MIB_IF_ROW2, PhysicalAddress);
  OFF(MIB_IF_ROW2, PermanentPhysicalAddress);
  COUNT_OF(MIB_IF_ROW2, PermanentPhysicalAddress);
  OFF(MIB_IF_ROW2, Mtu);
  OFF(MIB_IF_ROW2, Type);
  OFF(MIB_IF_ROW2, TunnelType);
  OFF(MIB_IF_ROW2, MediaType);
  OFF(MIB_IF_ROW2, PhysicalMediumType);
  OFF(MIB_IF_ROW2, AccessType);
  OFF(MIB_IF_ROW2, DirectionType);
  OFF(MIB_IF_ROW2, InterfaceAndOperStatusFlags);
  OFF(MIB_IF_ROW2, OperStatus);
  OFF(MIB_IF_ROW2, AdminStatus);
  OFF(MIB_IF_ROW2, MediaConnectState);
  OFF(MIB_IF_ROW2, NetworkGuid);
  OFF(MIB_IF_ROW2, ConnectionType);
  OFF(MIB_IF_ROW2, TransmitLinkSpeed);
  OFF(MIB_IF_ROW2, ReceiveLinkSpeed);
  OFF(MIB_IF_ROW2, InOctets);
  OFF(MIB_IF_ROW2, InUcastPkts);
  OFF(MIB_IF_ROW2, InNUcastPkts);
  OFF(MIB_IF_ROW2, InDiscards);
  OFF(MIB_IF_ROW2, InErrors);
  OFF(MIB_IF_ROW2, InUnknownProtos);
  OFF(MIB_IF_ROW2, InUcastOctets);
  OFF(MIB_IF_ROW2, InMulticastOctets);
  OFF(MIB_IF_ROW2, InBroadcastOctets);
  OFF(MIB_IF_ROW2, OutOctets);
  OFF(MIB_IF_ROW2, OutUcastPkts);
  OFF(MIB_IF_ROW2, OutNUcastPkts);
  OFF(MIB_IF_ROW2, OutDiscards);
  OFF(MIB_IF_ROW2, OutErrors);
  OFF(MIB_IF_ROW2, OutUcastOctets);
  OFF(MIB_IF_ROW2, OutMulticastOctets);
  OFF(MIB_IF_ROW2, OutBroadcastOctets);
  OFF(MIB_IF_ROW2, OutQLen);
#define IF_FLAG(m) \
  BYTE_BIT(MIB_IF_ROW2, InterfaceAndOperStatusFlags, InterfaceAndOperStatusFlags.m, m)
  IF_FLAG(HardwareInterface);
  IF_FLAG(FilterInterface);
  IF_FLAG(ConnectorPresent);
  IF_FLAG(NotAuthenticated);
  IF_FLAG(NotMediaConnected);
  IF_FLAG(Paused);
  IF_FLAG(LowPower);
  IF_FLAG(EndPointInterface);
#undef IF_FLAG

  SIZE(MIB_TCPSTATS);
  OFF(MIB_TCPSTATS, dwRtoAlgorithm);
  OFF(MIB_TCPSTATS, dwRtoMin);
  OFF(MIB_TCPSTATS, dwRtoMax);
  OFF(MIB_TCPSTATS, dwMaxConn);
  OFF(MIB_TCPSTATS, dwActiveOpens);
  OFF(MIB_TCPSTATS, dwPassiveOpens);
  OFF(MIB_TCPSTATS, dwAttemptFails);
  OFF(MIB_TCPSTATS, dwEstabResets);
  OFF(MIB_TCPSTATS, dwCurrEstab);
  OFF(MIB_TCPSTATS, dwInSegs);
  OFF(MIB_TCPSTATS, dwOutSegs);
  OFF(MIB_TCPSTATS, dwRetransSegs);
  OFF(MIB_TCPSTATS, dwInErrs);
  OFF(MIB_TCPSTATS, dwOutRsts);
  OFF(MIB_TCPSTATS, dwNumConns);

  SIZE(MIB_TCPSTATS2);
  OFF(MIB_TCPSTATS2, RtoAlgorithm);
  OFF(MIB_TCPSTATS2, dwRtoMin);
  OFF(MIB_TCPSTATS2, dwRtoMax);
  OFF(MIB_TCPSTATS2, dwMaxConn);
  OFF(MIB_TCPSTATS2, dwActiveOpens);
  OFF(MIB_TCPSTATS2, dwPassiveOpens);
  OFF(MIB_TCPSTATS2, dwAttemptFails);
  OFF(MIB_TCPSTATS2, dwEstabResets);
  OFF(MIB_TCPSTATS2, dwCurrEstab);
  OFF(MIB_TCPSTATS2, dw64InSegs);
  OFF(MIB_TCPSTATS2, dw64OutSegs);
  OFF(MIB_TCPSTATS2, dwRetransSegs);
  OFF(MIB_TCPSTATS2, dwInErrs);
  OFF(MIB_TCPSTATS2, dwOutRsts);
  OFF(MIB_TCPSTATS2, dwNumConns);

  SIZE(MIB_UDPSTATS);
  OFF(MIB_UDPSTATS, dwInDatagrams);
  OFF(MIB_UDPSTATS, dwNoPorts);
  OFF(MIB_UDPSTATS, dwInErrors);
  OFF(MIB_UDPSTATS, dwOutDatagrams);
  OFF(MIB_UDPSTATS, dwNumAddrs);

  SIZE(MIB_UDPSTATS2);
  OFF(MIB_UDPSTATS2, dw64InDatagrams);
  OFF(MIB_UDPSTATS2, dwNoPorts);
  OFF(MIB_UDPSTATS2, dwInErrors);
  OFF(MIB_UDPSTATS2, dw64OutDatagrams);
  OFF(MIB_UDPSTATS2, dwNumAddrs);
#undef BYTE_BIT
#undef COUNT_OF

  return 0;
}
