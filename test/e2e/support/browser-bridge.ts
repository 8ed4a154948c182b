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
  return response.json()
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
