// A seeded PRNG (mulberry32), so that fuzz runs are reproducible.

/** Random numbers from `seed`: `next()` in [0, 1), `int(n)` in [0, n). */
export function seeded(seed: number): { next(): number; int(n: number): number } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}
