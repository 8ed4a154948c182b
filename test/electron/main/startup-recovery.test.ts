import { afterAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { app, ipcMain, recorded } from '../support/fake-electron'

/*
 * End to end through the composition root: with a NUL-filled settings.json in the
 * profile, main/index.ts (real electron-store, fake Electron) still opens its window, keeps the
 * broken file aside, and hands the renderer one notice saying what was reset. The logs folder
 * Electron names cannot be created (a file is in the way), and start-up goes on with a fallback.
 */

const profile = mkdtempSync(join(tmpdir(), 'sdte-startup-'))
writeFileSync(join(profile, 'settings.json'), Buffer.alloc(2048))
writeFileSync(join(profile, 'not-a-folder'), 'x')
Object.assign(app, { getPath: (name: string) => (name === 'logs' ? join(profile, 'not-a-folder', 'logs') : name === 'userData' ? profile : join(profile, name)) })
// electron-store registers one listener for renderer processes; the fake records nothing of it.
Object.assign(ipcMain, { on: () => ipcMain })
afterAll(() => rmSync(profile, { recursive: true, force: true }))

describe('electron/main/index.ts start-up with a damaged profile', () => {
  it('opens the window, keeps the damaged settings aside, falls back for logs, and says so once', async () => {
    await import('../../../electron/main/index')
    ;(app as unknown as { fireReady(): void }).fireReady()
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 })

    const kept = readdirSync(profile).filter((n) => n.startsWith('settings.json.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(readFileSync(join(profile, kept[0]))).toEqual(Buffer.alloc(2048))

    await vi.waitFor(() => expect(recorded.windows[0].loaded).not.toBeNull())
    const handler = ipcMain.handlers.get('app:startupNotices')!
    const first = (await handler({ senderFrame: { url: recorded.windows[0].loaded as string, parent: null } }, undefined)) as { ok: boolean; value: Array<{ message: string }> }
    expect(first.ok).toBe(true)
    const text = first.value.map((n) => n.message).join('\n')
    expect(text).toContain('settings file could not be read')
    expect(text).toContain(kept[0])
    expect(text).toContain('logs are written to')
    expect(await handler({ senderFrame: { url: recorded.windows[0].loaded as string, parent: null } }, undefined)).toEqual({ ok: true, value: [] })

    // The log went to the fallback, privately.
    expect(statSync(join(profile, 'logs', 'sdte.log')).mode & 0o777).toBe(0o600)
    const info = (await ipcMain.handlers.get('app:info')!({ senderFrame: { url: recorded.windows[0].loaded as string, parent: null } }, undefined)) as { value: { logging: { folder: string } } }
    expect(info.value.logging.folder).toBe(join(profile, 'logs'))
  })
})
