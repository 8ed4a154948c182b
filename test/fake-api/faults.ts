import type { ServerResponse } from 'node:http'
import { empty, unauthorised } from './http-replies'

/*
 * The fake's fault switches (mutable at runtime, in process or via POST /__fake/switches): they
 * make the export endpoints slow, failing, rate-limiting or malformed.
 */

/** Runtime switches; change them on `fake.switches` at any time. */
export interface FakeSwitches {
  /** Delay before every API answer (token, exports), ms. */
  latencyMs: number
  /** The next N export requests answer 503 (then normal again). */
  burst5xx: number
  /** Every export request answers 500 while true. */
  persistent500: boolean
  /** The next N export requests answer 429 with `Retry-After: retryAfter`. */
  rateLimit: number
  /** The Retry-After header value sent with 429 (seconds or an HTTP-date). */
  retryAfter: string
  /** The next N successful export answers have a truncated, malformed JSON body. */
  malformed: number
  /** Every successful export answer is malformed while true. */
  malformedAlways: boolean
  /** The next N export requests answer 401 even with a valid token (simulates a revoked token). */
  reject401: number
  /** Export answers stop after half the body (connection destroyed) while true. */
  truncateBody: boolean
}

/** The switches at start and after `reset()`. */
export const defaultSwitches: FakeSwitches = {
  latencyMs: 0,
  burst5xx: 0,
  persistent500: false,
  rateLimit: 0,
  retryAfter: '1',
  malformed: 0,
  malformedAlways: false,
  reject401: 0,
  truncateBody: false
}

/** Answers an export request with the switched-on failure, if any; true when it answered. */
export function answerExportFault(switches: FakeSwitches, res: ServerResponse): boolean {
  if (switches.reject401 > 0) {
    switches.reject401--
    unauthorised(res)
    return true
  }
  if (switches.rateLimit > 0) {
    switches.rateLimit--
    res.setHeader('retry-after', switches.retryAfter)
    empty(res, 429)
    return true
  }
  if (switches.burst5xx > 0) {
    switches.burst5xx--
    empty(res, 503)
    return true
  }
  if (switches.persistent500) {
    empty(res, 500)
    return true
  }
  return false
}

/** Sends a successful export body, malformed or cut short when the switches say so. */
export function sendExportBody(switches: FakeSwitches, res: ServerResponse, whole: string): void {
  let body = whole
  if (switches.malformedAlways || switches.malformed > 0) {
    if (switches.malformed > 0) switches.malformed--
    body = body.slice(0, Math.max(1, Math.floor(body.length / 2)))
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  if (switches.truncateBody) {
    res.write(body.slice(0, Math.floor(body.length / 2)))
    setTimeout(() => res.destroy(), 5)
    return
  }
  res.end(body)
}
