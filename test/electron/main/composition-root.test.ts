import { describe, expect, it, vi } from 'vitest'
import { ipcMain, recorded } from '../support/fake-electron'
import { invokeChannelNames } from '../../../shared/ipc/channels'
import { mediaScheme } from '../../../electron/main/media-scheme'
import { appEntryUrl, appScheme } from '../../../electron/main/app-scheme'

// electron-store needs a real Electron app; main only uses get/set/delete, so a Map stands in.
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>()
    get(key: string) {
      return this.data.get(key)
    }
    set(key: string, value: unknown) {
      this.data.set(key, value)
    }
    delete(key: string) {
      this.data.delete(key)
    }
  }
}))

/*
 * The composition root itself, loaded against the fake `electron`: the window main ACTUALLY
 * creates, the scheme it registers before ready, and the IPC channels it wires.
 */
describe('electron/main/index.ts', () => {
  it('registers the app and media schemes before ready, then creates one hardened window on app:// and every IPC handler', async () => {
    await import('../../../electron/main/index')
    // Before ready: only the privileged schemes (the renderer's own origin, and media).
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: appScheme, privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
      { scheme: mediaScheme, privileges: expect.objectContaining({ stream: true, secure: true, standard: true, supportFetchAPI: true }) }
    ])
    expect(recorded.windows).toHaveLength(0)

    const { app } = await import('../support/fake-electron')
    ;(app as unknown as { fireReady(): void }).fireReady()
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 5000 })
    // The page lives on app://, never file:// (whose 'self' is every local file).
    await vi.waitFor(() => expect(recorded.windows[0].loaded).toBe(appEntryUrl))

    const options = recorded.windows[0].options as { webPreferences: Record<string, unknown>; show: boolean }
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(String(options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(options.show).toBe(false)

    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannelNames].sort())
    expect(recorded.protocolHandlers.has(mediaScheme)).toBe(true)
    expect(recorded.protocolHandlers.has(appScheme)).toBe(true)
    expect(recorded.defaultSession.permissionRequestHandler).not.toBeNull()
    expect(recorded.defaultSession.headersHandler).not.toBeNull()
    expect(recorded.appListeners.has('web-contents-created')).toBe(true)
    expect(recorded.appListeners.has('second-instance')).toBe(true)
    expect(recorded.menuTemplate).not.toBeNull()

    // A call from a foreign frame is refused through the real wiring.
    const handler = ipcMain.handlers.get('app:info')!
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await handler({ senderFrame: { url: 'file:///tmp/anything/index.html', parent: null } }, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await handler({ senderFrame: { url: appEntryUrl, parent: null } }, undefined)).toMatchObject({ ok: true })
  })
})
