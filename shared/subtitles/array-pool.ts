/*
 * Typed arrays handed back by cuts no longer in use, for the next cut to fill. The live cue view
 * re-cuts on every edit, and each cut needs a dozen arrays the size of the transcript (planner
 * costs, prefix sums, flags): reusing them keeps a re-cut from allocating ~1 MB each time (and
 * the garbage collector from pausing a keystroke's frame to reclaim it). An array is only ever
 * in the pool after its owner gave it back (local-recut.ts `releaseCut`), so no two live cuts share one.
 */

/** What a pool hands out: zero-filled arrays of an exact length. */
export interface ArraySource {
  f64(length: number): Float64Array
  i32(length: number): Int32Array
  u8(length: number): Uint8Array
}

/** Fresh arrays every time (the whole cut of an export, a test). */
export const freshArrays: ArraySource = { f64: (n) => new Float64Array(n), i32: (n) => new Int32Array(n), u8: (n) => new Uint8Array(n) }

type Typed = Float64Array | Int32Array | Uint8Array

/** A pool of typed arrays: `take` from it like an `ArraySource`, `give` arrays back when their owner is done. */
export interface ArrayPool extends ArraySource {
  /** Hands arrays back (views or whole); they may be handed out again by the next `take`. */
  give(...arrays: Typed[]): void
  /** How many arrays wait in the pool (for tests). */
  readonly size: number
}

// A pool keeps a few arrays of each kind: a cut gives back about as many as the next one takes.
const keepPerKind = 12

/** A new, empty pool. Arrays are made with a quarter to spare, so a transcript that grows a little still fits. */
export function createArrayPool(): ArrayPool {
  const free = { f64: [] as Float64Array[], i32: [] as Int32Array[], u8: [] as Uint8Array[] }
  function take<T extends Typed>(list: T[], length: number, make: (n: number) => T): T {
    // The smallest free array that fits (lists are short).
    let best = -1
    for (let i = 0; i < list.length; i++) if (list[i].length >= length && (best < 0 || list[i].length < list[best].length)) best = i
    if (best < 0) return make(Math.ceil(length * 1.25) + 16).subarray(0, length) as T
    const whole = list[best]
    list[best] = list[list.length - 1]
    list.pop()
    const view = whole.subarray(0, length) as T
    view.fill(0)
    return view
  }
  function put<T extends Typed>(list: T[], whole: T): void {
    // Given twice, it would be handed out twice: once is enough.
    if (list.some((x) => x.buffer === whole.buffer)) return
    if (list.length >= keepPerKind) list.shift()
    list.push(whole)
  }
  return {
    f64: (n) => take(free.f64, n, (m) => new Float64Array(m)),
    i32: (n) => take(free.i32, n, (m) => new Int32Array(m)),
    u8: (n) => take(free.u8, n, (m) => new Uint8Array(m)),
    give(...arrays) {
      for (const a of arrays) {
        if (a instanceof Float64Array) put(free.f64, new Float64Array(a.buffer))
        else if (a instanceof Int32Array) put(free.i32, new Int32Array(a.buffer))
        else put(free.u8, new Uint8Array(a.buffer))
      }
    },
    get size() {
      return free.f64.length + free.i32.length + free.u8.length
    }
  }
}
