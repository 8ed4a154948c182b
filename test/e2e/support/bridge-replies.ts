import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/*
 * Large replies of the test bridge over the harness's loopback HTTP server instead of the
 * Playwright binding. A binding reply crosses the debugging protocol in Playwright's own
 * serialisation (a tagged JSON about ten times the size of the value) and is rebuilt in the page
 * by the inspector: the 2-hour export (2.8 MB as JSON) took ~2.4 s to arrive, plus ~170 ms of
 * native work in the page after it had been handed over (trace: "(program)" inside the same
 * "Receive mojo message" task, after the page's microtasks; test/bench/open-profile.ts). Neither
 * is the app's: Electron IPC carries it as a structured clone.
 *
 * Same contract and validation: the reply is the dispatcher's own Result, unchanged; only
 * replies that JSON carries exactly (plain objects and arrays, strings, finite numbers,
 * booleans, null: nothing a structured clone would keep and JSON would not) and that are big
 * are parked; the binding returns a one-use ticket, and the browser bridge fetches and parses it.
 * Everything else still goes through the binding as before.
 */

/** The binding's stand-in for a parked reply (browser-bridge.ts fetches `path`). */
export interface ParkedReply {
  readonly __sdteParkedReply: string
  /** True when the JSON holds typed arrays as `TypedArrayJson`. */
  readonly typed?: boolean
}

export const parkedReplyPrefix = '/__sdte-reply/'
/** Replies at least this long as JSON go over HTTP. */
const minParkedChars = 64 * 1024

/** The typed arrays a reply may hold (an opened task's packed words: shared/ipc/packed-words.ts). */
const typedArrayKinds = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array } as const
/** A typed array as the parked JSON carries it: its kind and its bytes in base64 (browser-bridge.ts rebuilds it). */
export interface TypedArrayJson {
  readonly __sdteTypedArray: keyof typeof typedArrayKinds
  readonly base64: string
}

/** The kind of a typed array the parked JSON can carry, or null. */
function typedArrayKind(value: unknown): keyof typeof typedArrayKinds | null {
  for (const [name, kind] of Object.entries(typedArrayKinds)) if (value instanceof kind) return name as keyof typeof typedArrayKinds
  return null
}

/** JSON.stringify's replacer for a parked reply: typed arrays as `TypedArrayJson`. */
function typedArraysAsJson(_key: string, value: unknown): unknown {
  const kind = typedArrayKind(value)
  if (kind === null) return value
  const view = value as ArrayBufferView
  return { __sdteTypedArray: kind, base64: Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64') } satisfies TypedArrayJson
}

/** True when JSON.parse(JSON.stringify(value)) is structurally the same value (typed arrays: carried as `TypedArrayJson`). */
export function isJsonExact(value: unknown, depth = 0): boolean {
  if (depth > 200) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typedArrayKind(value) !== null) return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value !== 'object') return false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonExact(value[i], depth + 1)) return false
    return true
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  for (const key in value) if (!isJsonExact((value as Record<string, unknown>)[key], depth + 1)) return false
  return true
}

/** A store of parked replies: `park` a reply for the binding to return, `handle` the page's fetch. */
export function createParkedReplies(): {
  park(reply: unknown): unknown
  handles(path: string): boolean
  handle(req: IncomingMessage, res: ServerResponse): void
} {
  const parked = new Map<string, string>()
  return {
    park(reply) {
      if (!isJsonExact(reply)) return reply
      const json = JSON.stringify(reply, typedArraysAsJson)
      // A reply with typed arrays is always parked: the binding's serialisation is not this one.
      const typed = json.includes('"__sdteTypedArray"')
      if (json.length < minParkedChars && !typed) return reply
      const path = `${parkedReplyPrefix}${randomBytes(12).toString('hex')}`
      parked.set(path, json)
      return (typed ? { __sdteParkedReply: path, typed } : { __sdteParkedReply: path }) satisfies ParkedReply
    },
    handles: (path) => path.startsWith(parkedReplyPrefix),
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const json = parked.get(path)
      parked.delete(path)
      if (json === undefined) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(json)
    }
  }
}
