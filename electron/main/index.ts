import { app, BrowserWindow, Menu, dialog, ipcMain, safeStorage, screen, session, shell } from 'electron'
import Store from 'electron-store'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDispatcher, createSenderCheck } from './ipc-dispatcher'
import { registerIpcHandlers, sendEvent } from './ipc-main'
import { createAppHandlers } from './app-handlers'
import { hardenSession, hardenWebContents, openExternalSafely } from './security'
import { buildMenuTemplate } from './menu'
import { currentWindowState, mainWindowOptions } from './window'
import { loadWindowState, saveWindowState } from './window-state'
import type { WindowStateStore } from './window-state'
import { createSafeStorageSecretStore } from './secret-store'
import { createNetworkServices } from './network-services'

/*
 * The composition root: app lifecycle, one window, security, menu and IPC wiring. Everything
 * with logic lives in electron-free modules beside this one or in services/, tested without
 * Electron; this file only connects them.
 */

const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererDir = join(__dirname, '../renderer')
const rendererIndex = join(rendererDir, 'index.html')
const appUrlPrefixes = [pathToFileURL(rendererDir).href + '/', ...(devServerUrl && !app.isPackaged ? [devServerUrl] : [])]
const isAppUrl = (url: string): boolean => appUrlPrefixes.some((prefix) => url.startsWith(prefix))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, isAppUrl))

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const store = new Store<Record<string, unknown>>({ name: 'settings' })
    const logsFolder = app.getPath('logs')
    const network = await createNetworkServices({
      dataDir: app.getPath('userData'),
      logsFolder,
      store,
      secrets: createSafeStorageSecretStore(safeStorage, store, process.platform)
    })

    const handlers = createAppHandlers({
      now: Date.now,
      auth: network.auth,
      tasks: network.tasks,
      platform: {
        info: { name: app.getName(), version: app.getVersion(), platform: process.platform },
        logsFolder,
        sampleExportPath: join(process.resourcesPath && app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources'), 'sample', 'sample-task.json'),
        openFolder: async (path) => {
          await shell.openPath(path)
        },
        openExternal: (url) => openExternalSafely(shell, url),
        chooseExportFile: async () => {
          const result = await dialog.showOpenDialog({
            title: 'Open a saved export',
            properties: ['openFile'],
            filters: [{ name: 'Transcript export (JSON)', extensions: ['json'] }]
          })
          return result.canceled ? null : (result.filePaths[0] ?? null)
        }
      }
    })
    const dispatch = createDispatcher(handlers, {
      isTrustedSender: createSenderCheck(appUrlPrefixes),
      onError: (channel, code, message) => network.log.warn(`ipc ${channel} failed: ${code}: ${message}`)
    })
    registerIpcHandlers(ipcMain, dispatch)

    const windowStore = store as unknown as WindowStateStore
    const state = loadWindowState(windowStore, screen.getAllDisplays().map((d) => d.workArea))
    mainWindow = new BrowserWindow(mainWindowOptions(state, join(__dirname, '../preload/index.cjs')))
    if (state.maximized) mainWindow.maximize()
    const win = mainWindow
    win.once('ready-to-show', () => win.show())
    win.on('close', () => saveWindowState(windowStore, currentWindowState(win)))
    win.on('closed', () => {
      mainWindow = null
    })

    const menu = Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, app.getName(), {
        send: (command) => sendEvent(win.webContents, 'menu:command', command),
        openLogsFolder: () => void shell.openPath(logsFolder),
        openHelp: () => void openExternalSafely(shell, 'https://docs.smartdocumentor.net/')
      })
    )
    Menu.setApplicationMenu(menu)

    if (devServerUrl && !app.isPackaged) await win.loadURL(devServerUrl)
    else await win.loadFile(rendererIndex)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
