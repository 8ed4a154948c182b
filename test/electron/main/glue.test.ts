import { describe, expect, it } from 'vitest'
import type { SafeStorage } from 'electron'
import { safeStorage } from '../support/fake-electron'
import { buildMenuTemplate } from '../../../electron/main/menu'
import { mainMessages } from '../../../electron/main/main-messages'
import { createSafeStorageSecretStore } from '../../../electron/main/secret-store'
import { defaultWindowState, loadWindowState, saveWindowState } from '../../../electron/main/window-state'
import type { MenuCommand } from '../../../shared/ipc/contract'

function memoryStore() {
  const data = new Map<string, unknown>()
  return { data, get: (k: string) => data.get(k), set: (k: string, v: unknown) => void data.set(k, v), delete: (k: string) => void data.delete(k) }
}

describe('application menu', () => {
  it('has File, Edit, View and Help with the usual accelerators, sending commands to the renderer', () => {
    const sent: MenuCommand[] = []
    const template = buildMenuTemplate('linux', 'SD Transcript Editor', { send: (c) => sent.push(c), openLogsFolder: () => sent.push('shortcuts'), openHelp: () => undefined })
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    const items = template.flatMap((m) => (m.submenu as Array<{ label?: string; accelerator?: string; click?: () => void }>) ?? [])
    const byLabel = (label: string) => items.find((i) => i.label === label)!
    expect(byLabel('Open Task…').accelerator).toBe('CmdOrCtrl+O')
    expect(byLabel('Undo').accelerator).toBe('CmdOrCtrl+Z')
    expect(byLabel('Redo').accelerator).toBe('Ctrl+Y')
    expect(byLabel('Find and Replace…').accelerator).toBe('CmdOrCtrl+F')
    byLabel('Export…').click?.()
    byLabel('Open Sample Task').click?.()
    expect(sent).toEqual(['export', 'open-sample'])
    expect(items.some((i) => i.label === 'Open Logs Folder')).toBe(true)
  })

  it('uses the app menu and Cmd+Shift+Z on macOS, and no Alt-only shortcuts anywhere', () => {
    const template = buildMenuTemplate('darwin', 'SD Transcript Editor', { send: () => undefined, openLogsFolder: () => undefined, openHelp: () => undefined })
    expect(template[0].label).toBe('SD Transcript Editor')
    const items = template.flatMap((m) => (m.submenu as Array<{ label?: string; accelerator?: string }>) ?? [])
    expect(items.find((i) => i.label === 'Redo')?.accelerator).toBe('Cmd+Shift+Z')
    expect(items.filter((i) => i.accelerator?.startsWith('Alt'))).toEqual([])
  })

  it('speaks Portuguese when given its labels, with the same commands and keys', () => {
    const sent: MenuCommand[] = []
    const actions = { send: (c: MenuCommand) => sent.push(c), openLogsFolder: () => undefined, openHelp: () => undefined }
    const english = buildMenuTemplate('linux', 'SD Transcript Editor', actions)
    const portuguese = buildMenuTemplate('linux', 'SD Transcript Editor', actions, mainMessages['pt-PT'].menu)
    expect(portuguese.map((m) => m.label)).toEqual(['&Ficheiro', '&Editar', '&Ver', '&Ajuda'])
    const flat = (t: typeof english) => t.flatMap((m) => (m.submenu as Array<{ label?: string; accelerator?: string; role?: string }>) ?? [])
    // Same items in the same order with the same accelerators and roles; every English label replaced.
    expect(flat(portuguese).map((i) => [i.accelerator, i.role])).toEqual(flat(english).map((i) => [i.accelerator, i.role]))
    const englishLabels = new Set(flat(english).map((i) => i.label).filter(Boolean))
    expect(flat(portuguese).filter((i) => i.label && englishLabels.has(i.label))).toEqual([])
    const open = flat(portuguese).find((i) => i.label === 'Abrir tarefa…') as { click?: () => void }
    open.click?.()
    expect(sent).toEqual(['open-task'])
  })
})

describe('secret store on safeStorage', () => {
  it('keeps only ciphertext on disk and reads it back', async () => {
    const store = memoryStore()
    const secrets = createSafeStorageSecretStore(safeStorage as unknown as SafeStorage, store, 'linux')
    await secrets.save('clientSecret', 's3cr3t-value')
    const stored = JSON.stringify([...store.data.entries()])
    expect(stored).not.toContain('s3cr3t-value')
    expect(await secrets.load('clientSecret')).toBe('s3cr3t-value')
    await secrets.remove('clientSecret')
    expect(await secrets.load('clientSecret')).toBeNull()
  })

  it('reports unavailable (and stores nothing) without OS encryption or with the Linux basic_text fallback', async () => {
    const store = memoryStore()
    for (const [available, backend] of [[false, 'gnome_libsecret'], [true, 'basic_text']] as const) {
      safeStorage.available = available
      safeStorage.backend = backend
      const secrets = createSafeStorageSecretStore(safeStorage as unknown as SafeStorage, store, 'linux')
      expect(secrets.isAvailable()).toBe(false)
      await expect(secrets.save('k', 'plain')).rejects.toThrow(/not available/)
    }
    expect(store.data.size).toBe(0)
    safeStorage.available = true
    safeStorage.backend = 'gnome_libsecret'
  })
})

describe('window state', () => {
  it('remembers size and position and drops a position off every display', () => {
    const store = memoryStore()
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(loadWindowState(store, displays)).toEqual(defaultWindowState)
    saveWindowState(store, { x: 100, y: 80, width: 1400, height: 900, maximized: true })
    expect(loadWindowState(store, displays)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true })
    saveWindowState(store, { x: 4000, y: 80, width: 1400, height: 900, maximized: false })
    expect(loadWindowState(store, displays)).toEqual({ width: 1400, height: 900, maximized: false })
    store.set('windowState', { width: 'wide' })
    expect(loadWindowState(store, displays)).toEqual(defaultWindowState)
  })
})
