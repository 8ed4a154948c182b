/*
 * Which characters a credential may hold. An access token goes into an HTTP header, where a
 * line break or control character makes the HTTP library throw an error that quotes the whole
 * header (token included). So a token is checked where it enters (IPC schema, auth service,
 * CLI environment), and the message never quotes it.
 */

/** Printable ASCII without spaces: what can follow "Bearer " in a header (RFC 6750 is narrower). */
const headerTokenPattern = /^[\x21-\x7E]+$/

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const controlPattern = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/

/** A pasted token as it will be sent: trimmed, without a leading "Bearer ". */
export function stripBearer(token: string): string {
  return token.trim().replace(/^bearer\s+/i, '')
}

/** True when `token` (already stripped) can be sent as a bearer token. */
export function isHeaderSafeToken(token: string): boolean {
  return headerTokenPattern.test(token)
}

/** True when `value` holds a line break or another control character. */
export function hasControlChars(value: string): boolean {
  return controlPattern.test(value)
}

/** The fixed message for a token that cannot be sent; it never quotes the token. */
export const badTokenCharsMessage =
  'The access token contains a line break, space or other character a token cannot have; paste the token alone'
