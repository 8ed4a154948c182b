/*
 * Seeded randomness for tests: the same seed gives the same numbers and bytes on every run, so
 * a test's "random" input cannot fail now and then, and a failing seed can be replayed.
 */

/** A small seeded PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `length` pseudo-random bytes from `seed` (noise that is the same noise on every run). */
export function seededBytes(seed: number, length: number): Buffer {
  const next = seededRandom(seed)
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256)
  return bytes
}
