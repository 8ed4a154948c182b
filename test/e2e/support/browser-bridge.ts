import { createSdteApi } from '../../../shared/ipc/sdte-api'

/*
 * Bundled into the page by the harness (as an init script): builds `window.sdte` with the SAME
 * createSdteApi the real preload uses, over a Playwright binding instead of ipcRenderer. A big
 * reply comes back as a ticket to fetch from the harness's loopback server (bridge-replies.ts).
 */

type Listener = (payload: unknown) => void
interface HarnessWindow {
  __sdteInvoke(channel: string, payload: unknown): Promise<unknown>
  __sdteDeliver?: (event: string, payload: unknown) => void
  sdte?: unknown
}

const w = window as unknown as HarnessWindow
const listeners = new Map<string, Set<Listener>>()
w.__sdteDeliver = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload))

async function invoke(channel: string, payload: unknown): Promise<unknown> {
  const reply = await w.__sdteInvoke(channel, payload)
  const ticket = reply !== null && typeof reply === 'object' ? (reply as { __sdteParkedReply?: unknown }).__sdteParkedReply : undefined
  if (typeof ticket !== 'string') return reply
  const response = await fetch(ticket, { cache: 'no-store' })
  if (!response.ok) throw new Error(`The test bridge lost a reply (${response.status})`)
  if ((reply as { typed?: unknown }).typed !== true) return response.json()
  return JSON.parse(await response.text(), (_key, value: unknown) => typedArrayOf(value) ?? value)
}

const typedArrayKinds = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array } as const

/** The typed array a parked reply carries as `{ __sdteTypedArray, base64 }` (bridge-replies.ts), or null. */
function typedArrayOf(value: unknown): ArrayBufferView | null {
  if (value === null || typeof value !== 'object' || !('__sdteTypedArray' in value)) return null
  const { __sdteTypedArray: kind, base64 } = value as { __sdteTypedArray: keyof typeof typedArrayKinds; base64: string }
  return new typedArrayKinds[kind](bytesOf(base64).buffer as ArrayBuffer)
}

/**
 * The bytes of `base64`: natively where the browser can (Chromium 140+), as Electron's structured
 * clone hands typed arrays over natively; a byte loop (JIT-cold on a first open: ~10 ms of the
 * 2-hour task's data task, which Electron never pays) elsewhere.
 */
function bytesOf(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64
  if (native) return native.call(Uint8Array, base64)
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k)
  return bytes
}

w.sdte = createSdteApi({
  invoke: (channel, payload) => invoke(channel, payload) as never,
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(channel, set)
    return () => set.delete(listener)
  }
})
