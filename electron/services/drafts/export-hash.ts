import { createHash } from 'node:crypto'

/*
 * The identity of a server export, so a draft knows which export it started from and reopening
 * can tell "same export" from "the server's export changed since". Key order in JSON objects is
 * not meaningful (the API may reorder), so the hash is over a canonical form with sorted keys.
 */

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, values as
 * JSON.stringify writes them (undefined members dropped, undefined in arrays → null,
 * non-finite numbers → null, toJSON honoured).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

/** The sha256 (hex) of the canonical JSON of an export: stable across key order and whitespace. */
export function hashExport(json: unknown): string {
  return createHash('sha256').update(canonicalJson(json), 'utf8').digest('hex')
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  const withJson = value as { toJSON?: () => unknown }
  if (typeof withJson.toJSON === 'function') return sortKeys(withJson.toJSON())
  if (Array.isArray(value)) return value.map((item) => (item === undefined || typeof item === 'function' ? null : sortKeys(item)))
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key]
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue
    out[key] = sortKeys(member)
  }
  return out
}
