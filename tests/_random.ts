// A seeded PRNG (mulberry32), so that fuzz runs and benchmark tables are reproducible.

/**
 * Random numbers from `seed`: `uint32()` a 32-bit unsigned integer, `next()`
 * in [0, 1), `int(n)` in [0, n).
 */
export function seeded(seed: number): { uint32(): number; next(): number; int(n: number): number } {
  let state = seed >>> 0;
  const uint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  return { uint32, next, int: (n: number) => Math.floor(next() * n) };
}
