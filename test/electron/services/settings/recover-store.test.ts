import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Store from 'electron-store'
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStoreRecovering } from '../../../../electron/services/settings/recover-store'
import { createMemoryKeyValueStore, type KeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { privateFileMode } from '../../../../electron/services/fs/private-files'
import { ipcMain } from '../../support/fake-electron'

// electron-store registers one listener for renderer processes; the fake records nothing of it.
Object.assign(ipcMain, { on: () => ipcMain })

/*
 * A damaged settings.json made `new Store()` throw at start and the app never opened
 * a window. Real electron-store (its `electron` import is the test fake) on real files.
 */

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-settings-'))
})
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

const open = (rename?: (from: string, to: string) => void) =>
  openStoreRecovering<KeyValueStore>({
    rename,
    open: () => new Store<Record<string, unknown>>({ name: 'settings', cwd: dir, configFileMode: privateFileMode }),
    path: join(dir, 'settings.json'),
    contents: 'the server address and recent tasks',
    fallback: () => createMemoryKeyValueStore(),
    now: () => Date.UTC(2026, 11, 6, 22, 50)
  })

const damaged: Array<[string, string | Buffer]> = [
  ['truncated', '{"api.baseUrl":"https://eu.example.com","recentTasks":[{"taskId":1,'],
  ['empty', ''],
  ['NUL-filled', Buffer.alloc(4096)]
]

describe('openStoreRecovering with electron-store', () => {
  it('shows that the store really throws on these files (the bug)', async () => {
    for (const [, content] of damaged) {
      await writeFile(join(dir, 'settings.json'), content)
      expect(() => new Store({ name: 'settings', cwd: dir })).toThrow()
    }
  })

  it.each(damaged)('recovers from a %s settings file: kept aside, defaults, one notice', async (_kind, content) => {
    await writeFile(join(dir, 'settings.json'), content)
    const { store, notice, keptAt } = open()
    expect(keptAt).toBe(join(dir, 'settings.json.corrupt-2026-12-06T22-50-00-000Z'))
    expect(notice?.message).toContain('could not be read')
    expect(notice?.message).toContain(keptAt)
    expect(store.get('api.baseUrl')).toBeUndefined()
    // The damaged bytes are kept as they were; the new store works and writes a private file.
    expect(await readFile(keptAt!)).toEqual(Buffer.from(content))
    await store.set('api.baseUrl', 'https://eu.example.com')
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ api: { baseUrl: 'https://eu.example.com' } })
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(privateFileMode)
    // Opening again is quiet: nothing to recover.
    expect(open().notice).toBeNull()
  })

  it('opens a good file with no notice and keeps its values', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ recentTasks: [] }))
    const { store, notice } = open()
    expect(notice).toBeNull()
    expect(store.get('recentTasks')).toEqual([])
    expect((await readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([])
  })

  it('falls back to memory for the session when the file cannot even be moved aside (read-only folder)', async () => {
    await writeFile(join(dir, 'settings.json'), '{"trunc')
    // Tests may run as root, where chmod does not stop a rename: the move fails as on a read-only mount.
    const { store, notice, keptAt } = open(() => {
      throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' })
    })
    expect(keptAt).toBeNull()
    expect(notice?.message).toContain('will not be remembered this session')
    await store.set('k', 1)
    expect(store.get('k')).toBe(1)
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{"trunc')
  })
})
