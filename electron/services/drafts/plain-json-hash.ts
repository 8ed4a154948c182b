import { createHash } from 'node:crypto'

/*
 * The export hash's fast path (export-hash.ts): for plain parsed JSON, the canonical text is
 * written by the native JSON.stringify instead of a JS walk token by token. A replacer ARRAY
 * makes JSON.stringify write, in every object at every level, only the listed keys in the
 * list's order; given the union of all keys in the piece written in hashing order (array-index
 * keys first in numeric order, then the rest sorted by code units; `__proto__` left out, see
 * `orderedKeys` in export-hash.ts), each object's members come out exactly as the walk writes them.
 * A 50 MB export's hash walk was ~15% of its open's CPU profile (writeValue, layoutOf, string
 * concatenation), plus the garbage of a million small token strings.
 *
 * Only for values JSON.parse can give: anything else (toJSON, undefined, functions, non-finite
 * numbers, bigint, symbols, class instances, holes) or a body whose key set is large (the
 * replacer list is scanned for every object) returns null and the walk hashes it, quirks and
 * all. Segments are written one at a time, so the canonical text never exists whole.
 */

/** Above this many distinct keys in one piece the replacer list costs more than the walk it replaces. */
const maxKeys = 256
/** Arrays longer than this are written item by item (a transcript's segments). */
const chunkedArray = 64

const arrayIndex = /^(?:0|[1-9]\d*)$/

/** True for a key an ordinary object lists first, in numeric order (an array index). */
function isArrayIndex(key: string): boolean {
  return arrayIndex.test(key) && (key.length < 10 || Number(key) < 4294967295)
}

/**
 * Adds every key of every object in `value` to `keys`; false when the value is not plain JSON
 * (or has too many keys). Recursive: a too-deep body throws RangeError, which the caller turns
 * into "not for the fast path".
 */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null) return true
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      break
    default:
      return false
  }
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const item: unknown = value[k]
      if (item === undefined || !collectKeys(item, keys)) return false
    }
    return true
  }
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  const record = value as Record<string, unknown>
  for (const key in record) {
    if (key === 'toJSON') return false
    if (!keys.has(key)) {
      keys.add(key)
      if (keys.size > maxKeys) return false
    }
    if (!collectKeys(record[key], keys)) return false
  }
  // Symbol-keyed or non-enumerable members: not from JSON.parse.
  return Object.getOwnPropertySymbols(record).length === 0
}

/** The keys in hashing order: array-index keys first in numeric order, then the rest sorted. */
function hashingOrder(keys: Set<string>): string[] {
  const all = [...keys].filter((key) => key !== '__proto__')
  const index = all.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b))
  const rest = all.filter((key) => !isArrayIndex(key)).sort()
  return index.concat(rest)
}

/**
 * The sha256 (hex) of `value`'s canonical JSON when it is plain parsed JSON, else null (the
 * caller's walk hashes it). Same text, same hash as the walk.
 */
export function hashPlainJson(value: unknown): string | null {
  const hash = createHash('sha256')
  try {
    const pieces = writeChunked(value)
    for (let step = pieces.next(); ; step = pieces.next()) {
      if (step.done) return step.value ? hash.digest('hex') : null
      hash.update(step.value, 'utf8')
    }
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/**
 * `hashPlainJson` in slices of about `sliceMs` of work, letting the event loop run between them:
 * the same hash, for when it is not needed at once (the open's reply goes first, the hash is
 * ready long before the first autosave). The value must not change until the promise settles.
 */
export async function hashPlainJsonInSlices(value: unknown, sliceMs = 8): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    const pieces = writeChunked(value)
    let sliceStart = performance.now()
    for (let step = pieces.next(); ; step = pieces.next()) {
      if (step.done) return step.value ? hash.digest('hex') : null
      hash.update(step.value, 'utf8')
      if (performance.now() - sliceStart >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/** Pieces of the canonical text, and at the end whether the value was plain JSON throughout. */
type Pieces = Generator<string, boolean, void>

/**
 * One piece of the canonical text, written by a single JSON.stringify whose replacer lists only
 * the keys found in that piece; null when not plain JSON. The replacer list is scanned for every
 * object, so a segment's dozen keys instead of the whole export's union (~45) made the native
 * write ~2× faster; any subset of the hashing order keeps the relative order, so the text is the same.
 */
function pieceOf(value: unknown): string | null {
  const keys = new Set<string>()
  if (!collectKeys(value, keys)) return null
  return JSON.stringify(value, hashingOrder(keys))
}

/** `pieceOf` as a one-piece sequence. */
function* writePiece(value: unknown): Pieces {
  const text = pieceOf(value)
  if (text === null) return false
  yield text
  return true
}

/**
 * Writes `value`'s canonical text: objects on the way down member by member until a long array,
 * whose items (a transcript's segments) are written member by member, each member one piece, so
 * no piece is the whole export. Ends false (and nothing more written) as soon as something is
 * not plain JSON: the caller walks instead.
 */
function* writeChunked(value: unknown): Pieces {
  if (value === null || typeof value !== 'object') return yield* writePiece(value)
  if (Array.isArray(value)) {
    if (value.length <= chunkedArray) return yield* writePiece(value)
    yield '['
    for (let k = 0; k < value.length; k++) {
      if (k > 0) yield ','
      const item: unknown = value[k]
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        if (!(yield* writePiece(item))) return false
        continue
      }
      // A segment's originalWords often are its displayWords' very list (share-word-lists.ts):
      // the text of a list written once is emitted again, not written again.
      const written = new Map<unknown, string>()
      const member = function* (v: unknown): Pieces {
        const known = written.get(v)
        if (known !== undefined) {
          yield known
          return true
        }
        const text = pieceOf(v)
        if (text === null) return false
        if (Array.isArray(v)) written.set(v, text)
        yield text
        return true
      }
      if (!(yield* writeRecord(item as Record<string, unknown>, member))) return false
    }
    yield ']'
    return true
  }
  return yield* writeRecord(value as Record<string, unknown>, writeChunked)
}

/** Writes an object member by member in hashing order, each member's value by `member`; ends false when not plain JSON. */
function* writeRecord(record: Record<string, unknown>, member: (value: unknown) => Pieces): Pieces {
  // The checks collectKeys makes of an object, for this one written member by member.
  const proto = Object.getPrototypeOf(record) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  if (Object.getOwnPropertySymbols(record).length > 0) return false
  const keys = new Set<string>()
  for (const key in record) {
    if (key === 'toJSON') return false
    keys.add(key)
  }
  if (keys.size > maxKeys) return false
  yield '{'
  let first = true
  for (const key of hashingOrder(keys)) {
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (!(yield* member(record[key]))) return false
  }
  yield '}'
  return true
}
