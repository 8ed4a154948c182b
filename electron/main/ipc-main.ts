import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { invokeChannelNames } from '../../shared/ipc/channels'
import type { EventChannel, EventOf } from '../../shared/ipc/contract'
import type { Dispatch } from './ipc-dispatcher'

/*
 * The only main-process file that touches ipcMain: every contract channel is registered through
 * the dispatcher, which checks the sender frame, validates and turns failures into data.
 */

/** Registers one `ipcMain.handle` per contract channel; returns a function that removes them. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame
      return dispatch(channel, payload, {
        url: frame?.url ?? '',
        isMainFrame: frame != null && frame.parent === null
      })
    })
  }
  return () => {
    for (const channel of invokeChannelNames) ipcMain.removeHandler(channel)
  }
}

/** Sends a typed event to a window's renderer. */
export function sendEvent<E extends EventChannel>(contents: WebContents, event: E, payload: EventOf<E>): void {
  if (!contents.isDestroyed()) contents.send(event, payload)
}
