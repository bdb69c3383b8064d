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

  /* ---- wave 2: addresses, routes, neighbours, interfaces, statistics (issue 10) ---- */

  return 0;
}
