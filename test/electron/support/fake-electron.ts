/*
 * A small fake of the `electron` module for unit tests of the glue
 * (docs/architecture.md#testing-without-electron): records what main passes to Electron so tests
 * assert the real options, handlers and menus.
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

/*
 * Enough of the rest of Electron to load the composition root (electron/main/index.ts) and
 * record what it does: the window it creates, the schemes and handlers it registers.
 */
type Listener = (...args: unknown[]) => unknown

/** Everything main/index.ts did, for assertions. */
export const recorded = {
  windows: [] as FakeBrowserWindow[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  menuTemplate: null as unknown,
  appListeners: new Map<string, Listener[]>(),
  defaultSession: new FakeSession(),
  singleInstanceLock: true
}

/** A BrowserWindow that records its options and what it loads. */
export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return recorded.windows
  }
  readonly webContents = new FakeWebContents()
  loaded: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    recorded.windows.push(this)
  }
  async loadFile(path: string) {
    this.loaded = path
  }
  async loadURL(url: string) {
    this.loaded = url
  }
  maximize() {}
  show() {}
  isMinimized() {
    return false
  }
  restore() {}
  focus() {}
  setDocumentEdited() {}
  isMaximized() {
    return false
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 }
  }
}

let resolveReady: () => void = () => undefined
const ready = new Promise<void>((r) => (resolveReady = r))

Object.assign(app, {
  requestSingleInstanceLock: () => recorded.singleInstanceLock,
  quit: () => undefined,
  on(event: string, listener: Listener) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener])
    return app
  },
  whenReady: () => ready,
  /** Test hook: fire `ready`. */
  fireReady: () => resolveReady(),
  getPath: (name: string) => `/tmp/sdte-fake-electron/${name}`,
  // The system's languages, most preferred first (main picks the menu's language from them).
  getPreferredSystemLanguages: () => ['en-US']
})

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.privilegedSchemes.push(...schemes)
  },
  handle(scheme: string, handler: Listener) {
    recorded.protocolHandlers.set(scheme, handler)
  }
}
export const session = { defaultSession: recorded.defaultSession }
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
export const Menu = {
  buildFromTemplate: (template: unknown) => {
    recorded.menuTemplate = template
    return { template }
  },
  setApplicationMenu: () => undefined
}
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBoxSync: () => 0
}
export const contextBridge = { exposeInMainWorld: () => undefined }
export const ipcRenderer = { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined }
export { FakeBrowserWindow as BrowserWindow }
