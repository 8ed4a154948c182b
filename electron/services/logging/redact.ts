/*
 * Redaction before anything reaches a log (docs/api.md#signing-in-and-tokens). Patterns cover what
 * the API client handles: bearer tokens, OAuth form/JSON fields, Authorization headers and signed
 * URLs (a SAS query string is itself a credential). Registered secrets catch anything the patterns
 * miss, e.g. a secret echoed inside an error message.
 */

const mask = '[REDACTED]'

/** Sensitive field names whose values are masked in form bodies, query strings and JSON. */
const sensitiveNames = ['access_token', 'refresh_token', 'id_token', 'client_secret', 'token', 'password', 'sig', 'signature']

const namesAlternation = sensitiveNames.join('|')

const rules: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // Authorization header lines and objects: "Authorization: Bearer x", "authorization":"Basic y"
  [/(authorization["']?\s*[:=]\s*["']?)(?:bearer\s+|basic\s+)?[^\s"',}]+/gi, `$1${mask}`],
  // Bare bearer tokens anywhere.
  [/\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${mask}`],
  // JSON fields: "access_token": "…"
  [new RegExp(`("(?:${namesAlternation})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${mask}"`],
  // Form / query fields: access_token=…&
  [new RegExp(`\\b((?:${namesAlternation})=)[^&\\s"']+`, 'gi'), `$1${mask}`],
  // Any URL with a query string: keep origin + path, drop the query (signed URLs).
  [/\b(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*/gi, `$1?${mask}`]
]

/** A redactor that also masks every registered secret string. */
export interface Redactor {
  /** Masks tokens, secrets, Authorization headers and signed URL queries in `text`. */
  redact(text: string): string
  /** Adds a literal secret (a token, a client secret) to mask wherever it appears. */
  addSecret(secret: string | null | undefined): void
  /** Forgets a literal secret (after sign-out). */
  removeSecret(secret: string): void
}

/** Masks tokens, OAuth secrets, Authorization headers and signed URL query strings; pure. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text
  // Literal secrets first, longest first, so a secret containing another is masked whole.
  const literal = [...new Set([...secrets].filter((s) => s.length >= 4).flatMap(spellings))].sort((a, b) => b.length - a.length)
  for (const secret of literal) out = out.split(secret).join(mask)
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement as string)
  return out
}

/**
 * The ways a secret can appear in a log line: as is, JSON-escaped (a log line's fields are
 * JSON, so a quote, backslash or line break in it is written escaped), and form/URL-encoded.
 */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  return [secret, json, JSON.stringify(json).slice(1, -1), form, encodeURIComponent(secret)]
}

/** A redactor holding a set of registered secrets. */
export function createRedactor(): Redactor {
  const secrets = new Set<string>()
  return {
    redact: (text) => redact(text, secrets),
    addSecret: (secret) => {
      if (secret) secrets.add(secret)
    },
    removeSecret: (secret) => {
      secrets.delete(secret)
    }
  }
}
