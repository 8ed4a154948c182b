import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { bearerOf, json, readBody, safeEqual } from './http-replies'

/*
 * The fake's signing in (smartdocumentor-api.md §2): the client-credentials token endpoint, the
 * tokens it issued with their expiry on the fake's clock, and an optional second client whose
 * tokens may read but not write.
 */

/** What the token store is built from. */
export interface TokenStoreOptions {
  readonly clientId: string
  readonly clientSecret: string
  readonly clock: () => number
  /** Token lifetime in seconds; default 3600. */
  readonly expiresInS?: number
  readonly readOnlyClient?: { readonly clientId: string; readonly clientSecret: string }
}

/** Issued tokens and the token endpoint. */
export interface TokenStore {
  /** Issues a token without the endpoint (a pasted-token sign-in). */
  issueToken(expiresInS?: number): string
  /** True when the request carries a live token. */
  authorised(req: IncomingMessage): boolean
  /** What a request may do: nothing, read only, or everything. */
  access(req: IncomingMessage): 'full' | 'read-only' | 'none'
  /** Makes every issued token invalid (as if they expired). */
  expireAll(): void
  /** `POST /connect/token`, form-urlencoded. */
  tokenEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void>
}

/** A token store for one fake server. */
export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const tokens = new Map<string, number>()
  const readOnlyTokens = new Set<string>()
  const lifetime = () => options.expiresInS ?? 3600

  const issueToken = (expiresInS = lifetime()): string => {
    const token = `fake.${randomBytes(24).toString('base64url')}`
    tokens.set(token, options.clock() + expiresInS * 1000)
    return token
  }
  const authorised = (req: IncomingMessage): boolean => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!m) return false
    const expiresAt = tokens.get(m[1])
    return expiresAt !== undefined && options.clock() < expiresAt
  }
  const grant = (res: ServerResponse, readOnly: boolean) => {
    const expiresIn = lifetime()
    const token = issueToken(expiresIn)
    if (readOnly) readOnlyTokens.add(token)
    json(res, 200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: 'WebAPI' })
  }

  return {
    issueToken,
    authorised,
    access: (req) => (!authorised(req) ? 'none' : readOnlyTokens.has(bearerOf(req)) ? 'read-only' : 'full'),
    expireAll: () => tokens.clear(),
    async tokenEndpoint(req, res) {
      if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'Use POST' })
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      const body = await readBody(req)
      if (contentType !== 'application/x-www-form-urlencoded') {
        return json(res, 400, { error: 'invalid_request', error_description: 'The request must be application/x-www-form-urlencoded' })
      }
      const form = new URLSearchParams(body)
      if (form.get('grant_type') !== 'client_credentials') return json(res, 400, { error: 'unsupported_grant_type' })
      if (form.get('scope') !== 'WebAPI') return json(res, 400, { error: 'invalid_scope' })
      const id = form.get('client_id') ?? ''
      const secret = form.get('client_secret') ?? ''
      const ro = options.readOnlyClient
      if (ro && safeEqual(id, ro.clientId) && safeEqual(secret, ro.clientSecret)) return grant(res, true)
      if (!safeEqual(id, options.clientId) || !safeEqual(secret, options.clientSecret)) {
        return json(res, 400, { error: 'invalid_client', error_description: 'Client authentication failed' })
      }
      grant(res, false)
    }
  }
}
