/*
 * The C reference for bench/compare.ts: decodes a MIB_TCPTABLE2 read from a
 * file the way a competent C programmer would, and scans it, timing both.
 *
 *   reference TABLE_FILE REPETITIONS ROUNDS
 *
 * Prints, one per line, "name value":
 *   rows            the table's dwNumEntries
 *   decode          ns/row of decode(): rows with hand-rolled dotted quads
 *   decode_snprintf ns/row of the same decoder formatting with snprintf
 *   scan            ns/row of scan(): ESTABLISHED rows with port 443 at either end
 *   matches         what scan() counted
 *   digest          FNV-1a of every decoded row printed as text, to check
 *                   that JavaScript decoded the same rows
 *
 * Each figure is the median of ROUNDS rounds of REPETITIONS calls, timed with
 * clock_gettime(CLOCK_MONOTONIC). decode() mallocs its result and the caller
 * frees it, as a function returning rows would; an empty asm statement keeps
 * the compiler from discarding work whose result is never read.
 *
 * Offsets are those of structs/layout.ts (MIB_TCPTABLE2, MIB_TCPROW2). The
 * table is little-endian; ports are the low 16 bits of their DWORD, network
 * order, as on Windows.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { TABLE_ROWS = 4, ROW_SIZE = 28 };
enum { STATE = 0, LOCAL_ADDR = 4, LOCAL_PORT = 8, REMOTE_ADDR = 12, REMOTE_PORT = 16, PID = 20, OFFLOAD = 24 };
enum { MIB_TCP_STATE_ESTAB = 5 };

struct tcp_row2 {
  uint32_t state;
  char local_addr[16];
  uint16_t local_port;
  char remote_addr[16];
  uint16_t remote_port;
  uint32_t owning_pid;
  uint32_t offload_state;
};

typedef void format_fn(char out[16], const uint8_t *address);

static uint32_t u32le(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t port(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

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

static void format_handrolled(char out[16], const uint8_t *a) {
  char *p = put_octet(out, a[0]);
  *p++ = '.';
  p = put_octet(p, a[1]);
  *p++ = '.';
  p = put_octet(p, a[2]);
  *p++ = '.';
  p = put_octet(p, a[3]);
  *p = '\0';
}

static void format_snprintf(char out[16], const uint8_t *a) {
  snprintf(out, 16, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

static inline __attribute__((always_inline)) struct tcp_row2 *
decode_with(const uint8_t *table, uint32_t count, format_fn *format) {
  struct tcp_row2 *rows = malloc((count ? count : 1) * sizeof *rows);
  if (!rows) abort();
  const uint8_t *r = table + TABLE_ROWS;
  for (uint32_t i = 0; i < count; i++, r += ROW_SIZE) {
    rows[i].state = u32le(r + STATE);
    format(rows[i].local_addr, r + LOCAL_ADDR);
    rows[i].local_port = port(r + LOCAL_PORT);
    format(rows[i].remote_addr, r + REMOTE_ADDR);
    rows[i].remote_port = port(r + REMOTE_PORT);
    rows[i].owning_pid = u32le(r + PID);
    rows[i].offload_state = u32le(r + OFFLOAD);
  }
  return rows;
}

static __attribute__((noinline)) struct tcp_row2 *decode(const uint8_t *table, uint32_t count) {
  return decode_with(table, count, format_handrolled);
}

static __attribute__((noinline)) struct tcp_row2 *decode_snprintf(const uint8_t *table,
                                                                  uint32_t count) {
  return decode_with(table, count, format_snprintf);
}

static __attribute__((noinline)) uint32_t scan(const uint8_t *table, uint32_t count) {
  uint32_t matches = 0;
  const uint8_t *r = table + TABLE_ROWS;
  for (uint32_t i = 0; i < count; i++, r += ROW_SIZE) {
    if (u32le(r + STATE) == MIB_TCP_STATE_ESTAB &&
        (port(r + LOCAL_PORT) == 443 || port(r + REMOTE_PORT) == 443)) {
      matches++;
    }
  }
  return matches;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *values, int n) {
  qsort(values, (size_t)n, sizeof *values, by_value);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct tcp_row2 *decoder(const uint8_t *, uint32_t);

static double time_decode(decoder *fn, const uint8_t *table, uint32_t count, int reps,
                          int rounds) {
  double per_row[rounds];
  for (int round = -1; round < rounds; round++) { /* round -1 warms up */
    double start = now_ns();
    for (int i = 0; i < reps; i++) {
      struct tcp_row2 *rows = fn(table, count);
      __asm__ volatile("" : : "r"(rows) : "memory");
      free(rows);
    }
    if (round >= 0) per_row[round] = (now_ns() - start) / reps / count;
  }
  return median(per_row, rounds);
}

static double time_scan(const uint8_t *table, uint32_t count, int reps, int rounds,
                        uint32_t *matches) {
  double per_row[rounds];
  for (int round = -1; round < rounds; round++) {
    double start = now_ns();
    for (int i = 0; i < reps; i++) {
      *matches = scan(table, count);
      __asm__ volatile("" : : "r"(*matches) : "memory");
    }
    if (round >= 0) per_row[round] = (now_ns() - start) / reps / count;
  }
  return median(per_row, rounds);
}

/* FNV-1a over "state local:port remote:port pid offload\n" for every row. */
static uint32_t digest(const struct tcp_row2 *rows, uint32_t count) {
  uint32_t hash = 2166136261u;
  char line[96];
  for (uint32_t i = 0; i < count; i++) {
    int n = snprintf(line, sizeof line, "%u %s:%u %s:%u %u %u\n", rows[i].state,
                     rows[i].local_addr, rows[i].local_port, rows[i].remote_addr,
                     rows[i].remote_port, rows[i].owning_pid, rows[i].offload_state);
    for (int j = 0; j < n; j++) hash = (hash ^ (uint8_t)line[j]) * 16777619u;
  }
  return hash;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s TABLE_FILE REPETITIONS ROUNDS\n", argv[0]);
    return 2;
  }
  int reps = atoi(argv[2]), rounds = atoi(argv[3]);
  FILE *file = fopen(argv[1], "rb");
  if (!file || reps < 1 || rounds < 1) {
    perror(argv[1]);
    return 2;
  }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  rewind(file);
  uint8_t *table = malloc((size_t)size);
  if (!table || fread(table, 1, (size_t)size, file) != (size_t)size) {
    perror(argv[1]);
    return 2;
  }
  fclose(file);
  if (size < TABLE_ROWS) {
    fprintf(stderr, "%s: %ld bytes cannot hold the row count\n", argv[1], size);
    return 1;
  }
  uint32_t count = u32le(table);
  if ((uint64_t)TABLE_ROWS + (uint64_t)count * ROW_SIZE > (uint64_t)size) {
    fprintf(stderr, "%s: %u rows do not fit in %ld bytes\n", argv[1], count, size);
    return 1;
  }

  uint32_t matches = 0;
  printf("rows %u\n", count);
  printf("decode %.3f\n", time_decode(decode, table, count, reps, rounds));
  printf("decode_snprintf %.3f\n", time_decode(decode_snprintf, table, count, reps, rounds));
  printf("scan %.3f\n", time_scan(table, count, reps, rounds, &matches));
  printf("matches %u\n", matches);
  struct tcp_row2 *rows = decode(table, count);
  printf("digest %08x\n", digest(rows, count));
  free(rows);
  free(table);
  return 0;
}
