import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'

/*
 * The small reply and request helpers every route file of the fake uses: JSON, empty bodies,
 * problem+json (the docs name "Problem Detail"), Azure-style XML for signed URLs.
 */

/** Reads the whole request body as UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Answers `value` as JSON, never cached. */
export function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** The export endpoints document EMPTY bodies for 400/401/404. */
export function empty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': 0 })
  res.end()
}

/** 401 with the bearer challenge. */
export function unauthorised(res: ServerResponse): void {
  res.setHeader('www-authenticate', 'Bearer error="invalid_token"')
  empty(res, 401)
}

/** An ASP.NET-style problem+json answer. */
export function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  const body = JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110', title, status, detail, traceId: `00-${randomBytes(16).toString('hex')}-01` })
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Azure-blob style error body for the signed media URLs. */
export function xmlError(res: ServerResponse, status: number, code: string): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** The bearer token of a request, or ''. */
export function bearerOf(req: IncomingMessage): string {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
}

/** Constant-time string comparison (secrets, signatures). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Waits `ms` (the latency switch); no timer at 0. */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
