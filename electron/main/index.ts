import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron'
import Store from 'electron-store'
import { dirname, join } from 'node:path'
import { createDispatcher, createSenderCheck } from './ipc-dispatcher'
import { registerIpcHandlers, sendEvent } from './ipc-main'
import { createAppHandlers } from './app-handlers'
import { composeServices } from './compose-services'
import { createMediaRoutes } from './media-routes'
import { hardenSession, hardenWebContents, openExternalSafely } from './security'
import { buildMenuTemplate } from './menu'
import { mainMessages } from './main-messages'
import { resolveLocale, type AppLocale } from '../../shared/i18n/locales'
import type { MenuCommand } from '../../shared/ipc/contract'
import { currentWindowState, mainWindowOptions } from './window'
import { loadWindowState, saveWindowState } from './window-state'
import type { WindowStateStore } from './window-state'
import { createSafeStorageSecretStore } from './secret-store'
import { mediaScheme, mediaSchemePrivileges } from './media-scheme'
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, createAppRoutes } from './app-scheme'
import { createOriginCheck } from './app-origin'
import { openStoreRecovering } from '../services/settings/recover-store'
import { createBestEffortStore } from '../services/settings/best-effort-store'
import { createMemoryKeyValueStore, type KeyValueStore } from '../services/settings/key-value-store'
import { privateFileMode } from '../services/fs/private-files'

/*
 * The composition root: app lifecycle, one window, security, menu, media protocol and IPC
 * wiring. Everything with logic lives in electron-free modules beside this one or in services/,
 * tested without Electron; this file only connects them.
 */

const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererDir = join(__dirname, '../renderer')
// The renderer's origins: the app scheme, and the dev server in development only.
const appOrigins = [appOrigin, ...(devServerUrl && !app.isPackaged ? [devServerUrl] : [])]
const isAppUrl = createOriginCheck(appOrigins)
const resourcesDir = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources')

// Must happen before `ready` (Electron's rule for privileged schemes): the renderer's own
// origin, and stream + Range for media.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: appSchemePrivileges },
  { scheme: mediaScheme, privileges: mediaSchemePrivileges }
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let unsaved = false

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, isAppUrl))

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const dataDir = app.getPath('userData')
    // A damaged settings file must not stop the app: kept aside, defaults, one notice.
    const opened = openStoreRecovering<KeyValueStore>({
      open: () => new Store<Record<string, unknown>>({ name: 'settings', configFileMode: privateFileMode }),
      path: join(dataDir, 'settings.json'),
      contents: 'the server address, recent tasks, window size and saved sign-in',
      fallback: () => createMemoryKeyValueStore()
    })
    const rawStore = opened.store
    let logsFolder = dataDir
    try {
      logsFolder = app.getPath('logs')
    } catch {
      // No logs path on this system: compose-services falls back to <userData>/logs.
    }
    const services = await composeServices({
      dataDir,
      logsFolder,
      store: rawStore,
      secrets: createSafeStorageSecretStore(safeStorage, rawStore, process.platform),
      onAuthChanged: (status) => mainWindow && sendEvent(mainWindow.webContents, 'auth:changed', status)
    })
    if (opened.notice) {
      services.log.warn(opened.notice.message)
      services.notices.unshift(opened.notice)
    }
    // The last save folder and the window size are bookkeeping: a full disk is logged, never thrown.
    const store = createBestEffortStore(rawStore, (message) => services.log.warn(message))
    let lastSaveFolder = typeof store.get('lastSaveFolder') === 'string' ? (store.get('lastSaveFolder') as string) : null
    protocol.handle(appScheme, createAppRoutes(rendererDir))
    protocol.handle(mediaScheme, createMediaRoutes(services.media, services.peaks, services.documentFiles, { appOrigin }))

    // The system's language until the renderer says which one the reviewer chose.
    let locale: AppLocale = resolveLocale('system', app.getPreferredSystemLanguages())
    const say = () => mainMessages[locale]
    let rebuildMenu = (): void => undefined
    const handlers = createAppHandlers({
      ...services,
      now: Date.now,
      startupNotices: services.notices,
      platform: {
        info: { name: app.getName(), version: app.getVersion(), platform: process.platform, logging: services.logging },
        showItemInFolder: (path) => shell.showItemInFolder(path),
        sampleExportPath: join(resourcesDir, 'sample', 'sample-task.json'),
        sampleMediaPath: join(resourcesDir, 'sample', 'sample.mp3'),
        chooseExportFile: async () => {
          const result = await dialog.showOpenDialog({
            title: say().dialogs.openExportTitle,
            properties: ['openFile'],
            filters: [{ name: say().dialogs.openExportFilter, extensions: ['json'] }]
          })
          return result.canceled ? null : (result.filePaths[0] ?? null)
        },
        chooseSavePath: async (suggestedName, filter) => {
          const result = await dialog.showSaveDialog({
            title: say().dialogs.saveTitle,
            defaultPath: join(lastSaveFolder ?? app.getPath('documents'), suggestedName),
            filters: [{ name: filter.name, extensions: [...filter.extensions] }]
          })
          if (result.canceled || !result.filePath) return null
          lastSaveFolder = dirname(result.filePath)
          store.set('lastSaveFolder', lastSaveFolder)
          return result.filePath
        },
        chooseFolder: async (title) => {
          const result = await dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] })
          return result.canceled ? null : (result.filePaths[0] ?? null)
        },
        chooseMediaFile: async () => {
          const result = await dialog.showOpenDialog({
            title: say().dialogs.attachTitle,
            properties: ['openFile'],
            filters: [{ name: say().dialogs.attachFilter, extensions: ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'opus', 'oga', 'webm', 'mp4', 'flac'] }]
          })
          return result.canceled ? null : (result.filePaths[0] ?? null)
        },
        mediaUrl: (path) => `${mediaScheme}://app${path}`,
        sendProgress: (event) => mainWindow && sendEvent(mainWindow.webContents, 'media:progress', event),
        setUnsaved: (flag) => {
          unsaved = flag
          mainWindow?.setDocumentEdited(flag)
        },
        setLanguage: (preference) => {
          const next = resolveLocale(preference, app.getPreferredSystemLanguages())
          if (next === locale) return
          locale = next
          rebuildMenu()
        }
      }
    })
    const dispatch = createDispatcher(handlers, {
      isTrustedSender: createSenderCheck(appOrigins),
      onError: (channel, code, message) => services.log.warn(`ipc ${channel} failed: ${code}: ${message}`)
    })
    registerIpcHandlers(ipcMain, dispatch)

    const windowStore = store as unknown as WindowStateStore
    const state = loadWindowState(windowStore, screen.getAllDisplays().map((d) => d.workArea))
    mainWindow = new BrowserWindow(mainWindowOptions(state, join(__dirname, '../preload/index.cjs')))
    if (state.maximized) mainWindow.maximize()
    const win = mainWindow
    win.once('ready-to-show', () => win.show())
    win.on('close', (event) => {
      saveWindowState(windowStore, currentWindowState(win))
      // Drafts autosave within a second and keep retrying a failed save (a full disk); until one
      // lands the renderer holds the unsaved flag, and closing would lose those edits.
      if (!unsaved) return
      const choice = dialog.showMessageBoxSync(win, {
        type: 'warning',
        buttons: [say().dialogs.unsavedKeepEditing, say().dialogs.unsavedCloseAnyway],
        defaultId: 0,
        cancelId: 0,
        message: say().dialogs.unsavedMessage,
        detail: say().dialogs.unsavedDetail
      })
      if (choice === 0) event.preventDefault()
    })
    win.on('closed', () => {
      mainWindow = null
    })

    const menuActions = {
      send: (command: MenuCommand) => sendEvent(win.webContents, 'menu:command', command),
      openLogsFolder: () => void shell.openPath(services.logging.folder ?? logsFolder),
      openHelp: () => void openExternalSafely(shell, 'https://docs.smartdocumentor.net/')
    }
    rebuildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, app.getName(), menuActions, say().menu)))
    rebuildMenu()

    if (devServerUrl && !app.isPackaged) await win.loadURL(devServerUrl)
    else await win.loadURL(appEntryUrl)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
