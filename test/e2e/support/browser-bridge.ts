import { createSdteApi } from '../../../shared/ipc/sdte-api'

/*
 * Bundled into the page by the harness (as an init script): builds `window.sdte` with the SAME
 * createSdteApi the real preload uses, over a Playwright binding instead of ipcRenderer.
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
w.sdte = createSdteApi({
  invoke: (channel, payload) => w.__sdteInvoke(channel, payload) as never,
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(channel, set)
    return () => set.delete(listener)
  }
})
