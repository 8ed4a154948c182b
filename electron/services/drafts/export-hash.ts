import { createHash } from 'node:crypto'

/*
 * The identity of a server export, so a draft knows which export it started from and reopening
 * can tell "same export" from "the server's export changed since". Key order in JSON objects is
 * not meaningful (the API may reorder), so the hash is over a canonical form with sorted keys.
 *
 * `metadata` is free-form, and a value nested 20,000 deep overflows the call stack of any
 * recursive serialiser (JSON.stringify included). The usual export takes the fast recursive path
 * (about 4× faster on the 2-hour task); only a stack overflow falls back to the iterative walk,
 * which writes the same text at any depth.
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
    return JSON.stringify(sortKeys(value)) ?? 'null'
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
  return createHash('sha256').update(canonicalJson(json), 'utf8').digest('hex')
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  const withJson = value as { toJSON?: () => unknown }
  if (typeof withJson.toJSON === 'function') return sortKeys(withJson.toJSON())
  if (Array.isArray(value)) return value.map((item) => (omitted(item) ? null : sortKeys(item)))
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key]
    if (omitted(member)) continue
    out[key] = sortKeys(member)
  }
  return out
}
