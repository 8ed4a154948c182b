/*
 * Splicing the arrays a cut keeps (tokens, fronts, per-token and per-boundary costs) in place,
 * for the live re-cut (local-recut.ts): an edit of a few words moves the rest of the transcript's
 * entries by a native memmove instead of copying them into new arrays the transcript's length,
 * which the garbage collector then had to scavenge every few edits (the re-cut's tail).
 */

/** The typed arrays a cut keeps. */
export type Typed = Float64Array | Int32Array | Uint8Array

function make(like: Typed, buffer: ArrayBufferLike, length: number): Typed {
  if (like instanceof Float64Array) return new Float64Array(buffer, 0, length)
  if (like instanceof Int32Array) return new Int32Array(buffer, 0, length)
  return new Uint8Array(buffer, 0, length)
}

/** Room for `length` entries and a quarter more (a transcript that grows a little still fits). */
function room(like: Typed, length: number): ArrayBuffer {
  return new ArrayBuffer((Math.ceil(length * 1.25) + 16) * like.BYTES_PER_ELEMENT)
}

/**
 * `a` with its `remove` entries at `at` replaced by `insert` zeros: the same buffer when it has
 * room (the entries after moved by copyWithin), else a new one with room to spare. `a` is the
 * caller's to give up: it must not be read afterwards (the returned view is its successor).
 */
export function spliceTyped(a: Float64Array, at: number, remove: number, insert: number): Float64Array
export function spliceTyped(a: Int32Array, at: number, remove: number, insert: number): Int32Array
export function spliceTyped(a: Uint8Array, at: number, remove: number, insert: number): Uint8Array
export function spliceTyped(a: Typed, at: number, remove: number, insert: number): Typed
export function spliceTyped(a: Typed, at: number, remove: number, insert: number): Typed {
  const length = a.length
  const next = length - remove + insert
  let out: Typed
  if (a.byteOffset === 0 && next <= a.buffer.byteLength / a.BYTES_PER_ELEMENT) {
    out = make(a, a.buffer, next)
    // Copied within the longer of the two views, so the moved tail stays inside it.
    const wide: Typed = next > length ? out : a
    wide.copyWithin(at + insert, at + remove, length)
  } else {
    out = make(a, room(a, next), next)
    out.set(a.subarray(0, at))
    out.set(a.subarray(at + remove), at + insert)
  }
  out.fill(0, at, at + insert)
  return out
}

/** A copy of `a` with room to grow (a cut that must stay as it is re-cut from its copy). */
export function copyTyped(a: Float64Array): Float64Array
export function copyTyped(a: Int32Array): Int32Array
export function copyTyped(a: Uint8Array): Uint8Array
export function copyTyped(a: Typed): Typed {
  const out = make(a, room(a, a.length), a.length)
  out.set(a)
  return out
}

/** Replaces `remove` entries of `list` at `at` by `insert`, in place; returns the entries removed. */
export function spliceList<T>(list: T[], at: number, remove: number, insert: readonly T[]): T[] {
  // A native splice (a memmove) for the usual few entries; spread arguments have a limit.
  if (insert.length <= 4096) return list.splice(at, remove, ...insert)
  const removed = list.slice(at, at + remove)
  const tail = list.slice(at + remove)
  list.length = at
  for (const x of insert) list.push(x)
  for (const x of tail) list.push(x)
  return removed
}
