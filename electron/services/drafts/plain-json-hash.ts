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
    if (!writeChunked(value, (text) => void hash.update(text, 'utf8'))) return null
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
  return hash.digest('hex')
}

/**
 * Writes one piece of the canonical text with a single JSON.stringify whose replacer lists only
 * the keys found in that piece. The replacer list is scanned for every object, so a segment's
 * dozen keys instead of the whole export's union (~45) made the native write ~2× faster; any
 * subset of the hashing order keeps the relative order, so the text is the same.
 */
function writePiece(value: unknown, emit: (text: string) => void): boolean {
  const keys = new Set<string>()
  if (!collectKeys(value, keys)) return false
  emit(JSON.stringify(value, hashingOrder(keys)))
  return true
}

/**
 * Writes `value`'s canonical text: objects on the way down member by member until a long array,
 * whose items (a transcript's segments) are written member by member, each member one piece, so
 * no piece is the whole export. False (and nothing more written) as soon as something is not
 * plain JSON: the caller walks instead.
 */
function writeChunked(value: unknown, emit: (text: string) => void): boolean {
  if (value === null || typeof value !== 'object') return writePiece(value, emit)
  if (Array.isArray(value)) {
    if (value.length <= chunkedArray) return writePiece(value, emit)
    emit('[')
    for (let k = 0; k < value.length; k++) {
      if (k > 0) emit(',')
      const item: unknown = value[k]
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        if (!writePiece(item, emit)) return false
        continue
      }
      // A segment's originalWords often are its displayWords' very list (share-word-lists.ts):
      // the text of a list written once is emitted again, not written again.
      const written = new Map<unknown, string>()
      const member = (v: unknown): boolean => {
        const known = written.get(v)
        if (known !== undefined) return emit(known), true
        if (!Array.isArray(v)) return writePiece(v, emit)
        return writePiece(v, (text) => {
          written.set(v, text)
          emit(text)
        })
      }
      if (!writeRecord(item as Record<string, unknown>, emit, member)) return false
    }
    emit(']')
    return true
  }
  return writeRecord(value as Record<string, unknown>, emit, (member) => writeChunked(member, emit))
}

/** Writes an object member by member in hashing order, each member's value by `member`; false when not plain JSON. */
function writeRecord(record: Record<string, unknown>, emit: (text: string) => void, member: (value: unknown) => boolean): boolean {
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
  emit('{')
  let first = true
  for (const key of hashingOrder(keys)) {
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`)
    first = false
    if (!member(record[key])) return false
  }
  emit('}')
  return true
}
