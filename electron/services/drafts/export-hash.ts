import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import { hashPlainJson, hashPlainJsonInSlices } from './plain-json-hash'

/*
 * The identity of a server export, so a draft knows which export it started from and reopening
 * can tell "same export" from "the server's export changed since". Key order in JSON objects is
 * not meaningful (the API may reorder), so the hash is over a canonical form with sorted keys.
 *
 * The hash streams that canonical text into sha256 in 64 KB pieces as it walks the export,
 * without building a sorted copy of it or the whole text: on a 50 MB export the copy and the
 * string were most of the open's hash time and ~2 copies' worth of garbage. The text hashed is
 * exactly what `JSON.stringify(sortKeys(value))` wrote before (the hash of every existing draft
 * still matches), quirks included: see `orderedKeys` and `writeObject`.
 *
 * `metadata` is free-form, and a value nested 20,000 deep overflows the call stack of any
 * recursive walk. The usual export takes the fast recursive path; only a stack overflow falls
 * back to the iterative walk, which writes the same text at any depth.
 */

type Item = { readonly value: unknown; readonly resolved: boolean } | string

/** `value` after its toJSON, as JSON.stringify sees it (Dates become strings). */
function resolve(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON: () => unknown }).toJSON()
  return value
}

/** True for values JSON leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, values as
 * JSON.stringify writes them (undefined members dropped, undefined in arrays → null,
 * non-finite numbers → null, toJSON honoured). Any depth.
 */
export function canonicalJson(value: unknown): string {
  try {
    const pieces: string[] = []
    writeValue({ write: (text) => void pieces.push(text) }, value)
    return pieces.join('')
  } catch (error) {
    if (error instanceof RangeError) return canonicalJsonIterative(value)
    throw error
  }
}

/** `canonicalJson` without recursion, for values nested deeper than the call stack allows. */
export function canonicalJsonIterative(value: unknown): string {
  const out: string[] = []
  const stack: Item[] = [{ value, resolved: false }]
  while (stack.length > 0) {
    const item = stack.pop() as Item
    if (typeof item === 'string') {
      out.push(item)
      continue
    }
    const v = item.resolved ? item.value : resolve(item.value)
    if (v === null || omitted(v)) {
      out.push('null')
      continue
    }
    if (typeof v === 'number') {
      out.push(Number.isFinite(v) ? JSON.stringify(v) : 'null')
      continue
    }
    if (typeof v !== 'object') {
      // Strings and booleans; a BigInt throws here exactly as JSON.stringify does.
      out.push(JSON.stringify(v))
      continue
    }
    if (Array.isArray(v)) {
      out.push('[')
      stack.push(']')
      for (let k = v.length - 1; k >= 0; k--) {
        stack.push({ value: v[k], resolved: false })
        if (k > 0) stack.push(',')
      }
      continue
    }
    const record = v as Record<string, unknown>
    const members: Array<[string, unknown]> = []
    for (const key of Object.keys(record).sort()) {
      const member = resolve(record[key])
      if (!omitted(member)) members.push([key, member])
    }
    out.push('{')
    stack.push('}')
    for (let k = members.length - 1; k >= 0; k--) {
      stack.push({ value: members[k][1], resolved: true })
      stack.push(`${JSON.stringify(members[k][0])}:`)
      if (k > 0) stack.push(',')
    }
  }
  return out.join('')
}

/** The sha256 (hex) of the canonical JSON of an export: stable across key order and whitespace. */
export function hashExport(json: unknown): string {
  // Plain parsed JSON (every export): the native writer, same text (plain-json-hash.ts).
  const fast = hashPlainJson(json)
  if (fast !== null) return fast
  try {
    const sink = new HashSink()
    writeValue(sink, json)
    return sink.digest()
  } catch (error) {
    // Too deep for the recursive walk: start over on the iterative one (a fresh hash).
    if (error instanceof RangeError) return createHash('sha256').update(canonicalJsonIterative(json), 'utf8').digest('hex')
    throw error
  }
}

/**
 * `hashExport` without holding the event loop: plain JSON is hashed in slices of a few ms (the
 * open's reply is sent first; see electron/main/export-hashes.ts); anything else by the walk.
 */
export async function hashExportInSlices(json: unknown): Promise<string> {
  return (await hashPlainJsonInSlices(json)) ?? hashExport(json)
}

/** Where the canonical text goes, one JSON token at a time. */
interface Sink {
  write(text: string): void
}

/** sha256 fed in pieces: tokens gather in a string until it is worth an `update` call. */
class HashSink implements Sink {
  private readonly hash: Hash = createHash('sha256')
  private pending = ''

  /** Appends one JSON token (never split: a string's escapes stay whole). */
  write(text: string): void {
    this.pending += text
    if (this.pending.length >= 65536) this.flush()
  }

  /** The hex digest of everything written. */
  digest(): string {
    this.flush()
    return this.hash.digest('hex')
  }

  private flush(): void {
    if (this.pending.length === 0) return
    this.hash.update(this.pending, 'utf8')
    this.pending = ''
  }
}

/**
 * Writes `value` as `JSON.stringify(sortKeys(value))` would (an omitted value at the top, which
 * JSON.stringify gives as undefined, was hashed as 'null', like an omitted array item).
 */
function writeValue(sink: Sink, value: unknown): void {
  if (value === null) return sink.write('null')
  switch (typeof value) {
    case 'string':
      return sink.write(JSON.stringify(value))
    case 'number':
      return sink.write(Number.isFinite(value) ? String(value) : 'null')
    case 'boolean':
      return sink.write(value ? 'true' : 'false')
    case 'object':
      break
    case 'bigint':
      // Throws the TypeError JSON.stringify throws.
      return sink.write(JSON.stringify(value))
    default:
      // undefined, functions, symbols: only reached at the top or as an array item.
      return sink.write('null')
  }
  const withJson = value as { toJSON?: () => unknown }
  // sortKeys resolved toJSON again on what toJSON returned; so does this.
  if (typeof withJson.toJSON === 'function') return writeValue(sink, withJson.toJSON())
  if (Array.isArray(value)) return writeArray(sink, value)
  writeObject(sink, value as Record<string, unknown>)
}

function writeArray(sink: Sink, items: readonly unknown[]): void {
  sink.write('[')
  for (let k = 0; k < items.length; k++) {
    if (k > 0) sink.write(',')
    writeValue(sink, items[k])
  }
  sink.write(']')
}

/**
 * An object's members in sorted key order. sortKeys copied into a fresh object, and a member
 * whose toJSON gave undefined was then dropped by JSON.stringify: both kept here. A `__proto__`
 * key set the copy's prototype instead of a member, so it never reached the text: left out too.
 */
function writeObject(sink: Sink, record: Record<string, unknown>): void {
  sink.write('{')
  let first = true
  const { keys, quoted } = layoutOf(record)
  for (let k = 0; k < keys.length; k++) {
    let member = record[keys[k]]
    if (omitted(member)) continue
    member = resolveAll(member)
    if (omitted(member)) continue
    sink.write(first ? quoted[k] : `,${quoted[k]}`)
    first = false
    writeValue(sink, member)
  }
  sink.write('}')
}

/** An object's keys in hashing order (no `__proto__`) and each written as `"key":`. */
interface Layout {
  /** The object's own keys as listed, to tell apart lists that join to the same id. */
  readonly own: readonly string[]
  readonly keys: readonly string[]
  readonly quoted: readonly string[]
}

// Exports repeat a few object shapes a million times (every word has the same keys): each key
// list is sorted and quoted once. Bounded so free-form metadata cannot grow it without end.
const layouts = new Map<string, Layout>()
const maxLayouts = 1000

function layoutOf(record: Record<string, unknown>): Layout {
  const own = Object.keys(record)
  const id = own.join('\u0000')
  let layout = layouts.get(id)
  if (layout && sameKeys(layout.own, own)) return layout
  const keys = orderedKeys(own.slice()).filter((key) => key !== '__proto__')
  layout = { own, keys, quoted: keys.map((key) => `${JSON.stringify(key)}:`) }
  if (layouts.size < maxLayouts && !layouts.has(id)) layouts.set(id, layout)
  return layout
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false
  return true
}

/** `value` with toJSON applied until the result has none, as sortKeys applied it. */
function resolveAll(value: unknown): unknown {
  let v = value
  while (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON()
  return v
}

const arrayIndex = /^(?:0|[1-9]\d*)$/

/** True for a key an ordinary object lists first, in numeric order (an array index). */
function isArrayIndex(key: string): boolean {
  return arrayIndex.test(key) && (key.length < 10 || Number(key) < 4294967295)
}

/**
 * The key order of sortKeys' copy: keys sorted by code units, then re-ordered by the object they
 * were written into, which lists array-index keys ("2", "10") first in numeric order.
 */
function orderedKeys(keys: string[]): string[] {
  let indexKeys = 0
  while (indexKeys < keys.length && isArrayIndex(keys[indexKeys])) indexKeys++
  // An ordinary object already lists its index keys first in numeric order; the rest are sorted.
  if (indexKeys === 0) return keys.sort()
  const rest = keys.slice(indexKeys)
  return keys.slice(0, indexKeys).concat(rest.sort())
}
