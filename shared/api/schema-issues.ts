import type { z } from 'zod'

type Issue = z.core.$ZodIssue

/**
 * The issue to name for a failed union: the branch that got furthest into the value (its first
 * issue lies below the union's own path) rather than zod's bare "Invalid input", so a
 * `transcript` object with one bad field still says which field.
 */
function innermost(issue: Issue, prefix: readonly PropertyKey[]): { issue: Issue; path: PropertyKey[] } {
  const path = [...prefix, ...issue.path]
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return { issue, path }
  const branches = issue.errors.filter((b) => b.length > 0)
  const deepest = branches.find((b) => b[0].path.length > 0) ?? branches[0]
  return deepest ? innermost(deepest[0], path) : { issue, path }
}

/** The first schema issue as "path.to[3].field: message", for `invalid_response` errors. */
export function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'the data does not match the expected shape'
  const { issue, path: keys } = innermost(first, [])
  const path = keys.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`
    return acc ? `${acc}.${String(key)}` : String(key)
  }, '')
  return `${path || '(root)'}: ${issue.message}`
}
