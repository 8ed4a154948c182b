/*
 * A small fake of the `electron` module for unit tests of the glue (DESIGN.md "Testing"):
 * records what main passes to Electron so tests assert the real options, handlers and menus.
 */
import { EventEmitter } from 'node:events'

type Handler = (...args: unknown[]) => unknown

/** ipcMain: records handle/removeHandler. */
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  }
}

/** A fake WebContents that records its hardening. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: Array<[string, unknown]> = []
  destroyed = false
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  isDestroyed() {
    return this.destroyed
  }
  /** Emits a cancellable event and tells whether a listener prevented it. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

/** A fake Session recording permission and header handlers. */
export class FakeSession {
  permissionRequestHandler: Handler | null = null
  permissionCheckHandler: Handler | null = null
  headersHandler: Handler | null = null
  webRequest = {
    onHeadersReceived: (handler: Handler) => {
      this.headersHandler = handler
    }
  }
  setPermissionRequestHandler(handler: Handler) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Handler) {
    this.permissionCheckHandler = handler
  }
}

/** shell.openExternal recorder. */
export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url)
  }
}

/** safeStorage with a reversible "encryption" so tests can tell ciphertext from plaintext. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable() {
    return this.available
  },
  getSelectedStorageBackend() {
    return this.backend
  },
  encryptString(plain: string) {
    return Buffer.from('enc:' + Buffer.from(plain).toString('base64').split('').reverse().join(''))
  },
  decryptString(buffer: Buffer) {
    const text = buffer.toString()
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext')
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString()
  }
}

export const app = { getName: () => 'SD Transcript Editor', getVersion: () => '0.0.0-test', isPackaged: false }
export default { ipcMain, shell, safeStorage, app }
