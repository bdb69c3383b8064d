/*
 * The C side of bench/compare.ts: decodes and scans the tables of one file
 * the way a competent C programmer would, on the same bytes as JavaScript.
 *
 *   reference KIND FILE
 *
 * KIND is the table kind: tcp2 (MIB_TCPTABLE2), tcp6 (MIB_TCP6TABLE2), udp
 * (MIB_UDPTABLE_OWNER_PID) or udp6 (MIB_UDP6TABLE_OWNER_PID). FILE holds one
 * or more tables back to back (a pool: tables whose peers never repeat, so
 * that no cache can help).
 *
 * Commands, one per line on stdin, each answered with one line on stdout:
 *   rows                 the rows of all tables
 *   OP PASSES            runs OP PASSES times over every table; prints ns/row
 *                        and OP's result (the last pass's)
 *   digest OP            FNV-1a of every row OP decodes, printed as text (the
 *                        lines bench/_worker.ts prints), in hex
 * OPs:
 *   decode               rows with every address formatted (tcp2, udp: hand-
 *                        rolled dotted quads; tcp6, udp6: inet_ntop)
 *   decode_cached        tcp2, udp: dotted quads memoised by address, with the
 *                        memo of structs/_address.ts (same hash, probes, size,
 *                        doorkeeper); a row copies the 16 bytes of its text
 *   decode_snprintf      tcp2: dotted quads with snprintf
 *   decode_handrolled    tcp6, udp6: RFC 5952 text formatted by hand
 *   scan                 tcp2: ESTABLISHED rows with port 443 at either end,
 *                        branch-free (the result is the count)
 *   scan_branchy         tcp2: the same count with && and ||
 *
 * A decoder mallocs its rows and the caller frees them, as a function
 * returning rows would; an empty asm statement keeps the compiler from
 * discarding work whose result is never read. A LISTEN row's remote end is
 * 0.0.0.0:0 (tcp2) or [::]:0 (tcp6) whatever the bytes say, as in
 * JavaScript. Offsets are those of structs/layout.ts; the tables are
 * little-endian; ports are the low 16 bits of their DWORD, network order.
 */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

enum { MIB_TCP_STATE_LISTEN = 2, MIB_TCP_STATE_ESTAB = 5 };

/* MIB_TCPROW2 */
enum { T2_SIZE = 28, T2_STATE = 0, T2_LOCAL_ADDR = 4, T2_LOCAL_PORT = 8, T2_REMOTE_ADDR = 12,
       T2_REMOTE_PORT = 16, T2_PID = 20, T2_OFFLOAD = 24 };
/* MIB_TCP6ROW2 */
enum { T6_SIZE = 60, T6_LOCAL_ADDR = 0, T6_LOCAL_SCOPE = 16, T6_LOCAL_PORT = 20,
       T6_REMOTE_ADDR = 24, T6_REMOTE_SCOPE = 40, T6_REMOTE_PORT = 44, T6_STATE = 48,
       T6_PID = 52, T6_OFFLOAD = 56 };
/* MIB_UDPROW_OWNER_PID */
enum { U4_SIZE = 12, U4_LOCAL_ADDR = 0, U4_LOCAL_PORT = 4, U4_PID = 8 };
/* MIB_UDP6ROW_OWNER_PID */
enum { U6_SIZE = 28, U6_LOCAL_ADDR = 0, U6_LOCAL_SCOPE = 16, U6_LOCAL_PORT = 20, U6_PID = 24 };
enum { ROWS_AT = 4 }; /* every table here: DWORD dwNumEntries; ROW table[] */

struct tcp_row2 {
  uint32_t state;
  char local_addr[16];
  uint16_t local_port;
  char remote_addr[16];
  uint16_t remote_port;
  uint32_t owning_pid;
  uint32_t offload_state;
};

struct tcp6_row2 {
  char local_addr[46];
  uint32_t local_scope_id;
  uint16_t local_port;
  char remote_addr[46];
  uint32_t remote_scope_id;
  uint16_t remote_port;
  uint32_t state;
  uint32_t owning_pid;
  uint32_t offload_state;
};

struct udp_row {
  char local_addr[16];
  uint16_t local_port;
  uint32_t owning_pid;
};

struct udp6_row {
  char local_addr[46];
  uint32_t local_scope_id;
  uint16_t local_port;
  uint32_t owning_pid;
};

static uint32_t u32le(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t u32be(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}
static uint16_t port(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* ---- dotted quads ---- */

static char *put_octet(char *p, unsigned v) {
  if (v >= 100) {
    *p++ = (char)('0' + v / 100);
    v %= 100;
    *p++ = (char)('0' + v / 10);
  } else if (v >= 10) {
    *p++ = (char)('0' + v / 10);
  }
  *p++ = (char)('0' + v % 10);
  return p;
}

static char *put_quad(char *p, uint32_t a) {
  p = put_octet(p, a >> 24);
  *p++ = '.';
  p = put_octet(p, (a >> 16) & 255);
  *p++ = '.';
  p = put_octet(p, (a >> 8) & 255);
  *p++ = '.';
  return put_octet(p, a & 255);
}

static void format_quad(char out[16], uint32_t a) { *put_quad(out, a) = '\0'; }

static void format_quad_snprintf(char out[16], uint32_t a) {
  snprintf(out, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

/*
 * The memo of structs/_address.ts, in C: 65,536 slots, a seeded
 * multiplicative hash, at most 4 slots probed, at most 16,384 texts (then
 * emptied), a text remembered on its address's second miss (a 2^18-bit
 * doorkeeper, cleared after 2^15 new bits).
 */
enum { SLOT_BITS = 16, SLOTS = 1 << SLOT_BITS, MAX_TEXTS = SLOTS / 4, PROBES = 4,
       DOOR_BITS = 18, DOOR_LIMIT = 1 << (DOOR_BITS - 3) };
static uint32_t memo_key[SLOTS];
static uint8_t memo_used[SLOTS];
static char memo_text[SLOTS][16];
static uint32_t memo_count;
static uint32_t door[1 << (DOOR_BITS - 5)];
static uint32_t door_count;
static uint32_t seed, multiplier, door_seed, door_multiplier;

static void seed_memo(void) {
  uint32_t r[4] = {0x2545f491u, 0x9e3779b1u, 0x85ebca6bu, 0xc2b2ae35u};
  if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) { /* keep the fixed values */
  }
  seed = r[0];
  multiplier = r[1] | 1;
  door_seed = r[2];
  door_multiplier = r[3] | 1;
}

static inline void cached_quad(char out[16], uint32_t key) {
  uint32_t home = ((key ^ seed) * multiplier) >> (32 - SLOT_BITS);
  int free_slot = -1;
  for (int probe = 0; probe < PROBES; probe++) {
    uint32_t slot = (home + (uint32_t)probe) & (SLOTS - 1);
    if (!memo_used[slot]) {
      free_slot = (int)slot;
      break;
    }
    if (memo_key[slot] == key) {
      memcpy(out, memo_text[slot], 16);
      return;
    }
  }
  format_quad(out, key);
  uint32_t bit = ((key ^ door_seed) * door_multiplier) >> (32 - DOOR_BITS);
  uint32_t mask = 1u << (bit & 31);
  if (!(door[bit >> 5] & mask)) {
    if (door_count == DOOR_LIMIT) {
      memset(door, 0, sizeof door);
      door_count = 0;
    }
    door[bit >> 5] |= mask;
    door_count++;
    return;
  }
  if (memo_count == MAX_TEXTS) {
    memset(memo_used, 0, sizeof memo_used);
    memo_count = 0;
    free_slot = (int)home;
  }
  uint32_t slot = free_slot < 0 ? home : (uint32_t)free_slot;
  if (free_slot >= 0) memo_count++;
  memo_used[slot] = 1;
  memo_key[slot] = key;
  memcpy(memo_text[slot], out, 16);
}

/* ---- IPv6 text ---- */

static const char HEX[] = "0123456789abcdef";

/* RFC 5952, as structs/_address.ts formatIpv6: lowercase, no leading zeros,
 * the longest run of two or more zero groups (the first on a tie) as "::",
 * IPv4-mapped addresses with a dotted quad. */
static void format_ipv6(char out[46], const uint8_t *a) {
  uint16_t g[8];
  for (int i = 0; i < 8; i++) g[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
  char *p = out;
  if (!g[0] && !g[1] && !g[2] && !g[3] && !g[4] && g[5] == 0xffff) {
    memcpy(p, "::ffff:", 7);
    *put_quad(p + 7, u32be(a + 12)) = '\0';
    return;
  }
  int best = -1, best_len = 1;
  for (int i = 0, run = 0; i < 8; i++) {
    if (g[i]) {
      run = 0;
    } else if (++run > best_len) {
      best_len = run;
      best = i - run + 1;
    }
  }
  for (int i = 0; i < 8; i++) {
    if (i == best) {
      if (i == 0) *p++ = ':';
      *p++ = ':';
      i += best_len - 1;
      continue;
    }
    unsigned v = g[i];
    if (v >= 0x1000) *p++ = HEX[v >> 12];
    if (v >= 0x100) *p++ = HEX[(v >> 8) & 15];
    if (v >= 0x10) *p++ = HEX[(v >> 4) & 15];
    *p++ = HEX[v & 15];
    if (i < 7) *p++ = ':';
  }
  *p = '\0';
}

static void format_ipv6_ntop(char out[46], const uint8_t *a) {
  if (!inet_ntop(AF_INET6, a, out, 46)) abort();
}

/* ---- decoders ---- */

typedef void quad_fn(char out[16], uint32_t address);
typedef void ipv6_fn(char out[46], const uint8_t *address);

static inline __attribute__((always_inline)) void *
decode_tcp2(const uint8_t *table, uint32_t count, quad_fn *quad) {
  struct tcp_row2 *rows = malloc((count ? count : 1) * sizeof *rows);
  if (!rows) abort();
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += T2_SIZE) {
    uint32_t state = u32le(r + T2_STATE);
    rows[i].state = state;
    quad(rows[i].local_addr, u32be(r + T2_LOCAL_ADDR));
    rows[i].local_port = port(r + T2_LOCAL_PORT);
    if (state == MIB_TCP_STATE_LISTEN) {
      memcpy(rows[i].remote_addr, "0.0.0.0", 8);
      rows[i].remote_port = 0;
    } else {
      quad(rows[i].remote_addr, u32be(r + T2_REMOTE_ADDR));
      rows[i].remote_port = port(r + T2_REMOTE_PORT);
    }
    rows[i].owning_pid = u32le(r + T2_PID);
    rows[i].offload_state = u32le(r + T2_OFFLOAD);
  }
  return rows;
}

static inline __attribute__((always_inline)) void *
decode_tcp6(const uint8_t *table, uint32_t count, ipv6_fn *ipv6) {
  struct tcp6_row2 *rows = malloc((count ? count : 1) * sizeof *rows);
  if (!rows) abort();
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += T6_SIZE) {
    uint32_t state = u32le(r + T6_STATE);
    ipv6(rows[i].local_addr, r + T6_LOCAL_ADDR);
    rows[i].local_scope_id = u32le(r + T6_LOCAL_SCOPE);
    rows[i].local_port = port(r + T6_LOCAL_PORT);
    if (state == MIB_TCP_STATE_LISTEN) {
      memcpy(rows[i].remote_addr, "::", 3);
      rows[i].remote_scope_id = 0;
      rows[i].remote_port = 0;
    } else {
      ipv6(rows[i].remote_addr, r + T6_REMOTE_ADDR);
      rows[i].remote_scope_id = u32le(r + T6_REMOTE_SCOPE);
      rows[i].remote_port = port(r + T6_REMOTE_PORT);
    }
    rows[i].state = state;
    rows[i].owning_pid = u32le(r + T6_PID);
    rows[i].offload_state = u32le(r + T6_OFFLOAD);
  }
  return rows;
}

static inline __attribute__((always_inline)) void *
decode_udp(const uint8_t *table, uint32_t count, quad_fn *quad) {
  struct udp_row *rows = malloc((count ? count : 1) * sizeof *rows);
  if (!rows) abort();
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += U4_SIZE) {
    quad(rows[i].local_addr, u32be(r + U4_LOCAL_ADDR));
    rows[i].local_port = port(r + U4_LOCAL_PORT);
    rows[i].owning_pid = u32le(r + U4_PID);
  }
  return rows;
}

static inline __attribute__((always_inline)) void *
decode_udp6(const uint8_t *table, uint32_t count, ipv6_fn *ipv6) {
  struct udp6_row *rows = malloc((count ? count : 1) * sizeof *rows);
  if (!rows) abort();
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += U6_SIZE) {
    ipv6(rows[i].local_addr, r + U6_LOCAL_ADDR);
    rows[i].local_scope_id = u32le(r + U6_LOCAL_SCOPE);
    rows[i].local_port = port(r + U6_LOCAL_PORT);
    rows[i].owning_pid = u32le(r + U6_PID);
  }
  return rows;
}

typedef void *decoder(const uint8_t *table, uint32_t count);

static __attribute__((noinline)) void *tcp2_plain(const uint8_t *t, uint32_t n) {
  return decode_tcp2(t, n, format_quad);
}
static __attribute__((noinline)) void *tcp2_cached(const uint8_t *t, uint32_t n) {
  return decode_tcp2(t, n, cached_quad);
}
static __attribute__((noinline)) void *tcp2_snprintf(const uint8_t *t, uint32_t n) {
  return decode_tcp2(t, n, format_quad_snprintf);
}
static __attribute__((noinline)) void *tcp6_ntop(const uint8_t *t, uint32_t n) {
  return decode_tcp6(t, n, format_ipv6_ntop);
}
static __attribute__((noinline)) void *tcp6_handrolled(const uint8_t *t, uint32_t n) {
  return decode_tcp6(t, n, format_ipv6);
}
static __attribute__((noinline)) void *udp_plain(const uint8_t *t, uint32_t n) {
  return decode_udp(t, n, format_quad);
}
static __attribute__((noinline)) void *udp_cached(const uint8_t *t, uint32_t n) {
  return decode_udp(t, n, cached_quad);
}
static __attribute__((noinline)) void *udp6_ntop(const uint8_t *t, uint32_t n) {
  return decode_udp6(t, n, format_ipv6_ntop);
}
static __attribute__((noinline)) void *udp6_handrolled(const uint8_t *t, uint32_t n) {
  return decode_udp6(t, n, format_ipv6);
}

/* ---- scans ---- */

static __attribute__((noinline)) uint32_t scan(const uint8_t *table, uint32_t count) {
  uint32_t matches = 0;
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += T2_SIZE) {
    matches += (u32le(r + T2_STATE) == MIB_TCP_STATE_ESTAB) &
               ((port(r + T2_LOCAL_PORT) == 443) | (port(r + T2_REMOTE_PORT) == 443));
  }
  return matches;
}

static __attribute__((noinline)) uint32_t scan_branchy(const uint8_t *table, uint32_t count) {
  uint32_t matches = 0;
  const uint8_t *r = table + ROWS_AT;
  for (uint32_t i = 0; i < count; i++, r += T2_SIZE) {
    if (u32le(r + T2_STATE) == MIB_TCP_STATE_ESTAB &&
        (port(r + T2_LOCAL_PORT) == 443 || port(r + T2_REMOTE_PORT) == 443)) {
      matches++;
    }
  }
  return matches;
}

/* ---- the tables ---- */

static const uint8_t **tables;
static uint32_t *counts;
static size_t table_count;
static uint64_t total_rows;

static void load(const char *path, size_t row_size) {
  FILE *file = fopen(path, "rb");
  if (!file) {
    perror(path);
    exit(2);
  }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  rewind(file);
  uint8_t *bytes = malloc((size_t)size + 1);
  if (!bytes || fread(bytes, 1, (size_t)size, file) != (size_t)size) {
    perror(path);
    exit(2);
  }
  fclose(file);
  size_t capacity = 16;
  tables = malloc(capacity * sizeof *tables);
  counts = malloc(capacity * sizeof *counts);
  for (long at = 0; at < size;) {
    if (size - at < ROWS_AT) {
      fprintf(stderr, "%s: %ld bytes at %ld cannot hold a row count\n", path, size - at, at);
      exit(1);
    }
    uint32_t count = u32le(bytes + at);
    long length = count ? ROWS_AT + (long)count * (long)row_size : ROWS_AT;
    if (length > size - at) {
      fprintf(stderr, "%s: %u rows at %ld do not fit\n", path, count, at);
      exit(1);
    }
    if (table_count == capacity) {
      capacity *= 2;
      tables = realloc(tables, capacity * sizeof *tables);
      counts = realloc(counts, capacity * sizeof *counts);
      if (!tables || !counts) abort();
    }
    tables[table_count] = bytes + at;
    counts[table_count++] = count;
    total_rows += count;
    at += length;
  }
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void run_decoder(decoder *fn, long passes) {
  double start = now_ns();
  for (long pass = 0; pass < passes; pass++) {
    for (size_t t = 0; t < table_count; t++) {
      void *rows = fn(tables[t], counts[t]);
      __asm__ volatile("" : : "r"(rows) : "memory");
      free(rows);
    }
  }
  printf("%.4f %llu\n", (now_ns() - start) / (double)passes / (double)total_rows,
         (unsigned long long)total_rows);
}

static void run_scan(uint32_t (*fn)(const uint8_t *, uint32_t), long passes) {
  uint64_t matches = 0;
  double start = now_ns();
  for (long pass = 0; pass < passes; pass++) {
    matches = 0;
    for (size_t t = 0; t < table_count; t++) {
      uint32_t m = fn(tables[t], counts[t]);
      __asm__ volatile("" : : "r"(m) : "memory");
      matches += m;
    }
  }
  printf("%.4f %llu\n", (now_ns() - start) / (double)passes / (double)total_rows,
         (unsigned long long)matches);
}

/* ---- digests: FNV-1a of every row printed as bench/_worker.ts prints it ---- */

static uint32_t fnv(uint32_t hash, const char *text, int length) {
  for (int i = 0; i < length; i++) hash = (hash ^ (uint8_t)text[i]) * 16777619u;
  return hash;
}

static void digest(const char *kind, decoder *fn) {
  uint32_t hash = 2166136261u;
  char line[256];
  for (size_t t = 0; t < table_count; t++) {
    void *rows = fn(tables[t], counts[t]);
    for (uint32_t i = 0; i < counts[t]; i++) {
      int n = 0;
      if (!strcmp(kind, "tcp2")) {
        const struct tcp_row2 *r = (const struct tcp_row2 *)rows + i;
        n = snprintf(line, sizeof line, "%u %s:%u %s:%u %u %u\n", r->state, r->local_addr,
                     r->local_port, r->remote_addr, r->remote_port, r->owning_pid,
                     r->offload_state);
      } else if (!strcmp(kind, "tcp6")) {
        const struct tcp6_row2 *r = (const struct tcp6_row2 *)rows + i;
        n = snprintf(line, sizeof line, "%u [%s%%%u]:%u [%s%%%u]:%u %u %u\n", r->state,
                     r->local_addr, r->local_scope_id, r->local_port, r->remote_addr,
                     r->remote_scope_id, r->remote_port, r->owning_pid, r->offload_state);
      } else if (!strcmp(kind, "udp")) {
        const struct udp_row *r = (const struct udp_row *)rows + i;
        n = snprintf(line, sizeof line, "%s:%u %u\n", r->local_addr, r->local_port,
                     r->owning_pid);
      } else {
        const struct udp6_row *r = (const struct udp6_row *)rows + i;
        n = snprintf(line, sizeof line, "[%s%%%u]:%u %u\n", r->local_addr, r->local_scope_id,
                     r->local_port, r->owning_pid);
      }
      hash = fnv(hash, line, n);
    }
    free(rows);
  }
  printf("%08x\n", hash);
}

struct op {
  const char *kind, *name;
  decoder *decode;
  uint32_t (*scan)(const uint8_t *, uint32_t);
};

static const struct op OPS[] = {
    {"tcp2", "decode", tcp2_plain, NULL},
    {"tcp2", "decode_cached", tcp2_cached, NULL},
    {"tcp2", "decode_snprintf", tcp2_snprintf, NULL},
    {"tcp2", "scan", NULL, scan},
    {"tcp2", "scan_branchy", NULL, scan_branchy},
    {"tcp6", "decode", tcp6_ntop, NULL},
    {"tcp6", "decode_handrolled", tcp6_handrolled, NULL},
    {"udp", "decode", udp_plain, NULL},
    {"udp", "decode_cached", udp_cached, NULL},
    {"udp6", "decode", udp6_ntop, NULL},
    {"udp6", "decode_handrolled", udp6_handrolled, NULL},
};

static const struct op *find(const char *kind, const char *name) {
  for (size_t i = 0; i < sizeof OPS / sizeof *OPS; i++) {
    if (!strcmp(OPS[i].kind, kind) && !strcmp(OPS[i].name, name)) return &OPS[i];
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s tcp2|tcp6|udp|udp6 FILE\n", argv[0]);
    return 2;
  }
  const char *kind = argv[1];
  size_t row_size = !strcmp(kind, "tcp2")   ? T2_SIZE
                    : !strcmp(kind, "tcp6") ? T6_SIZE
                    : !strcmp(kind, "udp")  ? U4_SIZE
                    : !strcmp(kind, "udp6") ? U6_SIZE
                                            : 0;
  if (!row_size) {
    fprintf(stderr, "unknown table kind %s\n", kind);
    return 2;
  }
  seed_memo();
  load(argv[2], row_size);
  setvbuf(stdout, NULL, _IOLBF, 0);
  char line[128], name[64];
  while (fgets(line, sizeof line, stdin)) {
    long passes = 0;
    if (!strcmp(line, "rows\n")) {
      printf("%llu\n", (unsigned long long)total_rows);
    } else if (sscanf(line, "digest %63s", name) == 1) {
      const struct op *op = find(kind, name);
      if (!op || !op->decode) {
        printf("error: no decoder %s for %s\n", name, kind);
        continue;
      }
      digest(kind, op->decode);
    } else if (sscanf(line, "%63s %ld", name, &passes) == 2 && passes > 0) {
      const struct op *op = find(kind, name);
      if (!op) {
        printf("error: no op %s for %s\n", name, kind);
      } else if (op->decode) {
        run_decoder(op->decode, passes);
      } else {
        run_scan(op->scan, passes);
      }
    } else {
      printf("error: bad command %s", line);
    }
  }
  return 0;
}
