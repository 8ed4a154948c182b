/*
 * How deep an export nests, without building anything: the walk behind `tooDeepAt`
 * (parse-export.ts) and the fast export check (fast-export-check.ts).
 */

/**
 * The deepest nesting an export may have. Real exports nest about six levels; free-form fields
 * (`metadata`) could nest thousands, which overflows every recursive step after parsing (schema
 * checks, IPC's structured clone, JSON.stringify for drafts and the JSON export). Refused up front.
 */
export const maxExportDepth = 200

/** True when `value`, found at `depth`, nests objects or arrays `limit - depth` levels or more below it. */
export function exceedsDepth(value: unknown, depth: number, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (depth >= limit) return true
  if (Array.isArray(value)) {
    for (const member of value) if (member !== null && typeof member === 'object' && exceedsDepth(member, depth + 1, limit)) return true
    return false
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const member = (value as Record<string, unknown>)[key]
    if (member !== null && typeof member === 'object' && exceedsDepth(member, depth + 1, limit)) return true
  }
  return false
}
