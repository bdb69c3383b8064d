// Live tests of the issue 10 API: the real iphlpapi.dll, on Windows or under
// Wine 10 (the CI's Windows lane). Where Wine differs from Windows (it lacks
// the Ex2 statistics and answers GetIpNetTable2 only for AF_INET), each
// side's exact behaviour is asserted.
import assert from "node:assert/strict";
import {
  getIfTable2,
  getIfTable2Async,
  getInterfaceNames,
  getInterfaceNamesAsync,
  getIpForwardTable2,
  getIpForwardTable2Async,
  getIpNetTable2,
  getIpNetTable2Async,
  getTcpStatistics,
  getTcpStatisticsAsync,
  getUdpStatistics,
  getUdpStatisticsAsync,
  getUnicastIpAddressTable,
  getUnicastIpAddressTableAsync,
  IpHelperStatus as S,
  type IpHelperSymbols,
  loadIpHelper,
  withInterfaceNames,
} from "../../mod.ts";
import { live, wine } from "./_wine.ts";

/** IF_TYPE_SOFTWARE_LOOPBACK, which is also the top 16 bits of the loopback interface's LUID. */
const LOOPBACK = 24;
const onLoopback = (row: { interfaceLuid: bigint }) => row.interfaceLuid >> 48n === 24n;

/**
 * The live DLL, with GetIpNetTable2's handed-out tables and the FreeMibTable
 * calls counted: what Windows (or Wine) allocates, with any status.
 */
function countingNeighbours() {
  const real = loadIpHelper();
  const counts = { handedOut: 0, freed: 0 };
  const symbols: IpHelperSymbols = {
    ...real,
    GetIpNetTable2: (family, out) => {
      (out as BigUint64Array)[0] = 0n;
      const status = real.GetIpNetTable2!(family, out);
      if ((out as BigUint64Array)[0] !== 0n) counts.handedOut++;
      return status;
    },
    FreeMibTable: (pointer) => {
      counts.freed++;
      real.FreeMibTable!(pointer);
    },
  };
  return { symbols, counts };
}

live(
  "GetUnicastIpAddressTable: 127.0.0.1 and ::1 on the loopback interface, per family",
  async () => {
    const addresses = (rows: { address: { address: string } }[]) =>
      rows.map((r) => r.address.address);
    const all = getUnicastIpAddressTable();
    for (const address of ["127.0.0.1", "::1"]) {
      const row = all.find((r) => r.address.address === address);
      assert.ok(row, `${address} in the unicast table`);
      assert.ok(onLoopback(row), `${address} on the loopback interface`);
    }
    const ipv4 = getUnicastIpAddressTable({ family: "ipv4" });
    assert.ok(ipv4.every((r) => r.address.family === 2));
    assert.ok(addresses(ipv4).includes("127.0.0.1"));
    const ipv6 = await getUnicastIpAddressTableAsync({ family: "ipv6" });
    assert.ok(ipv6.every((r) => r.address.family === 23));
    assert.ok(addresses(ipv6).includes("::1"));
    assert.ok(addresses(await getUnicastIpAddressTableAsync()).includes("127.0.0.1"));
  },
);

live("GetIpForwardTable2: the ::1/128 route, on the loopback interface", async () => {
  const isLoopbackRoute = (r: Awaited<ReturnType<typeof getIpForwardTable2Async>>[number]) =>
    r.destinationPrefix.prefix.address === "::1" && r.destinationPrefix.prefixLength === 128;
  for (const routes of [getIpForwardTable2(), await getIpForwardTable2Async({ family: "ipv6" })]) {
    const route = routes.find(isLoopbackRoute);
    assert.ok(route, "::1/128 in the route table");
    assert.ok(onLoopback(route));
    assert.equal(route.nextHop.address, "::");
  }
  const ipv4 = getIpForwardTable2({ family: "ipv4" });
  assert.ok(ipv4.length > 0);
  assert.ok(ipv4.every((r) => r.destinationPrefix.prefix.family === 2 && r.nextHop.family === 2));
});

live("GetIfTable2: the loopback interface (type 24) with its alias", async () => {
  for (const rows of [getIfTable2(), await getIfTable2Async()]) {
    const loopback = rows.find((r) => r.type === LOOPBACK);
    assert.ok(loopback, "a software loopback interface");
    assert.ok(onLoopback(loopback));
    if (wine) assert.equal(loopback.alias, "lo"); // Linux's name for it
    else assert.match(loopback.alias, /^Loopback Pseudo-Interface \d+$/);
  }
});

live("interface names: 127.0.0.1 and ::1 are named after the loopback interface", async () => {
  const alias = getIfTable2().find((r) => r.type === LOOPBACK)!.alias;
  for (const names of [getInterfaceNames(), await getInterfaceNamesAsync()]) {
    const rows = withInterfaceNames(getUnicastIpAddressTable(), names);
    for (const address of ["127.0.0.1", "::1"]) {
      assert.equal(rows.find((r) => r.address.address === address)?.interfaceAlias, alias);
    }
    const routes = withInterfaceNames(getIpForwardTable2(), names);
    assert.ok(routes.every((r) => typeof r.interfaceAlias === "string"), "every route's interface");
  }
});

live(
  "GetIpNetTable2: IPv4 neighbours; every family on Windows, only AF_INET under Wine",
  async () => {
    const { symbols, counts } = countingNeighbours();
    const ipv4 = getIpNetTable2({ symbols, family: "ipv4" });
    assert.ok(ipv4.length > 0, "IPv4 neighbour rows");
    assert.ok(ipv4.every((r) => r.address.family === 2));
    assert.ok((await getIpNetTable2Async({ family: "ipv4" })).every((r) => r.address.family === 2));
    if (wine) {
      // Wine 10 answers ERROR_INVALID_FUNCTION (1) for AF_UNSPEC and AF_INET6.
      for (const family of [undefined, "all", "ipv6"] as const) {
        const options = family ? { symbols, family } : { symbols };
        const error = {
          name: "IpHelperError",
          functionName: "GetIpNetTable2",
          code: S.ERROR_INVALID_FUNCTION,
          codeName: "ERROR_INVALID_FUNCTION",
        };
        assert.throws(() => getIpNetTable2(options), error);
        await assert.rejects(getIpNetTable2Async({ family: family ?? "all" }), error);
      }
    } else {
      const all = getIpNetTable2({ symbols });
      assert.ok(all.every((r) => r.address.family === 2 || r.address.family === 23));
      assert.ok(all.some((r) => r.address.family === 2));
      const ipv6 = await getIpNetTable2Async({ family: "ipv6" });
      assert.ok(ipv6.every((r) => r.address.family === 23));
    }
    // Wine 10 hands a table out with its status 1 too: each is freed all the same.
    if (wine) assert.equal(counts.handedOut, 4, "one table per call, errors included");
    assert.ok(counts.handedOut > 0);
    assert.equal(counts.freed, counts.handedOut, "every table handed out was freed");
  },
);

live("TCP and UDP statistics: Ex2 on Windows, the 32-bit fallback under Wine", async () => {
  const dll = loadIpHelper();
  if (wine) {
    assert.equal(dll.GetTcpStatisticsEx2, null);
    assert.equal(dll.GetUdpStatisticsEx2, null);
  } else {
    assert.notEqual(dll.GetTcpStatisticsEx2, null);
    assert.notEqual(dll.GetUdpStatisticsEx2, null);
  }
  const before = getTcpStatistics();
  // One connection of our own: one more active open, one more passive open.
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const client = await Deno.connect({
    hostname: "127.0.0.1",
    port: (listener.addr as Deno.NetAddr).port,
  });
  const server = await listener.accept();
  const after = await getTcpStatisticsAsync({ family: "ipv4" });
  client.close();
  server.close();
  listener.close();
  assert.ok(
    after.activeOpens > before.activeOpens,
    `activeOpens ${before.activeOpens} → ${after.activeOpens}`,
  );
  assert.ok(after.passiveOpens > before.passiveOpens);
  assert.ok(after.inSegs > before.inSegs && after.outSegs > before.outSegs);
  assert.ok(after.currEstab >= 2, "both ends of our connection are established");
  for (const family of ["ipv4", "ipv6"] as const) {
    const tcp = getTcpStatistics({ family });
    assert.equal(typeof tcp.inSegs, "bigint");
    assert.ok(tcp.rtoMin <= tcp.rtoMax);
    const udp = [getUdpStatistics({ family }), await getUdpStatisticsAsync({ family })];
    for (const u of udp) {
      assert.equal(typeof u.inDatagrams, "bigint");
      assert.ok(Number.isInteger(u.numAddrs));
    }
    assert.ok(udp[1]!.inDatagrams >= udp[0]!.inDatagrams, "counters only grow");
  }
});
