import type { z } from 'zod'

/** The first schema issue as "path.to[3].field: message", for `invalid_response` errors. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'the data does not match the expected shape'
  const path = issue.path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`
    return acc ? `${acc}.${String(key)}` : String(key)
  }, '')
  return `${path || '(root)'}: ${issue.message}`
}
