import { contextBridge, ipcRenderer } from 'electron'
import { createSdteApi } from '../../shared/ipc/sdte-api'
import type { Result } from '../../shared/errors'

/*
 * The one bridge. It exposes `window.sdte` built from the contract: one method per channel and
 * typed event subscriptions. Never ipcRenderer itself, never process.env, never a generic invoke.
 * This file and ipc-main.ts are the only two that touch Electron's IPC modules.
 */
const api = createSdteApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>,
  subscribe: (channel, listener) => {
    // Drop the IpcRendererEvent: it carries `sender`, which must not reach the page.
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
})

contextBridge.exposeInMainWorld('sdte', api)
