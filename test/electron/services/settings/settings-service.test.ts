import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultBaseUrl, SettingsService, validateBaseUrl, type RecentTask } from '../../../../electron/services/settings/settings-service'
import { createJsonFileKeyValueStore, createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'

describe('validateBaseUrl', () => {
  it.each([
    ['https://cloud.smartdocumentor.net/', 'https://cloud.smartdocumentor.net'],
    ['  https://eu.example.com/sd/  ', 'https://eu.example.com/sd'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010']
  ])('accepts %s', (input, expected) => {
    expect(validateBaseUrl(input)).toEqual({ ok: true, value: expected })
  })

  it.each(['http://cloud.smartdocumentor.net', 'ftp://x', 'not a url', 'https://u:p@x.com', 'https://x.com/?a=1', 'http://10.0.0.1'])('rejects %s', (input) => {
    expect(validateBaseUrl(input).ok).toBe(false)
  })
})

describe('SettingsService', () => {
  it('defaults the base URL and remembers a valid one; refuses an invalid one', async () => {
    const settings = new SettingsService(createMemoryKeyValueStore())
    expect(settings.getBaseUrl()).toBe(defaultBaseUrl)
    expect(await settings.setBaseUrl('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010')
    expect(settings.getBaseUrl()).toBe('http://127.0.0.1:4010')
    await expect(settings.setBaseUrl('http://evil.example')).rejects.toMatchObject({ code: 'bad_request' })
    expect(settings.getBaseUrl()).toBe('http://127.0.0.1:4010')
  })

  it('defaults the request timeout to 30 s and remembers a whole number of seconds from 5 to 600', async () => {
    const store = createMemoryKeyValueStore()
    const settings = new SettingsService(store)
    expect(settings.getRequestTimeoutSeconds()).toBe(30)
    expect(await settings.setRequestTimeoutSeconds(120)).toBe(120)
    expect(new SettingsService(store).getRequestTimeoutSeconds()).toBe(120)
    for (const bad of [4, 601, 12.5, Number.NaN, -30]) {
      await expect(settings.setRequestTimeoutSeconds(bad)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('from 5 to 600') })
    }
    expect(settings.getRequestTimeoutSeconds()).toBe(120)
    // A damaged stored value means the default, never a zero or negative wait.
    expect(new SettingsService(createMemoryKeyValueStore({ 'api.requestTimeoutSeconds': 0 })).getRequestTimeoutSeconds()).toBe(30)
    expect(new SettingsService(createMemoryKeyValueStore({ 'api.requestTimeoutSeconds': '60' })).getRequestTimeoutSeconds()).toBe(30)
  })

  it('keeps recent tasks newest first, deduplicated per kind, capped at 20', async () => {
    const settings = new SettingsService(createMemoryKeyValueStore())
    const task = (taskId: number, at: number, kind: RecentTask['kind'] = 'transcript'): RecentTask => ({ taskId, externalId: `e${taskId}`, name: `T${taskId}`, kind, openedAt: at })
    for (let i = 1; i <= 25; i++) await settings.addRecentTask(task(i, i))
    await settings.addRecentTask(task(10, 100))
    await settings.addRecentTask(task(10, 101, 'document'))
    await settings.addRecentTask({ taskId: null, externalId: 'e24', name: null, kind: 'transcript', openedAt: 102 })
    const recent = settings.getRecentTasks()
    expect(recent).toHaveLength(20)
    expect(recent.slice(0, 3).map((t) => [t.taskId, t.externalId, t.kind])).toEqual([[null, 'e24', 'transcript'], [10, 'e10', 'document'], [10, 'e10', 'transcript']])
    expect(recent.filter((t) => t.externalId === 'e24')).toHaveLength(1)
    expect(recent.filter((t) => t.taskId === 10)).toHaveLength(2)
    await settings.clearRecentTasks()
    expect(settings.getRecentTasks()).toEqual([])
  })

  it('skips malformed stored entries', () => {
    const settings = new SettingsService(createMemoryKeyValueStore({ recentTasks: [{ taskId: 'x' }, null, { taskId: 1, externalId: null, name: null, kind: 'transcript', openedAt: 5 }], 'api.baseUrl': 'javascript:alert(1)' }))
    expect(settings.getRecentTasks()).toEqual([{ taskId: 1, externalId: null, name: null, kind: 'transcript', openedAt: 5 }])
    expect(settings.getBaseUrl()).toBe(defaultBaseUrl)
  })

  it('persists through a JSON file store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sdte-settings-'))
    try {
      const path = join(dir, 'settings.json')
      await new SettingsService(createJsonFileKeyValueStore(path)).setBaseUrl('https://eu.example.com')
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ 'api.baseUrl': 'https://eu.example.com' })
      expect(new SettingsService(createJsonFileKeyValueStore(path)).getBaseUrl()).toBe('https://eu.example.com')
      // Settings are private (0600).
      expect((await stat(path)).mode & 0o777).toBe(0o600)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a full disk never makes a settings write throw: logged, and the value applies for the session', async () => {
    const logged: string[] = []
    const failing = {
      get: () => undefined,
      set: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      },
      delete: () => {
        throw new Error('EROFS')
      }
    }
    const settings = new SettingsService(failing, (m) => logged.push(m))
    await expect(settings.setBaseUrl('https://eu.example.com')).resolves.toBe('https://eu.example.com')
    expect(settings.getBaseUrl()).toBe('https://eu.example.com')
    const task: RecentTask = { taskId: 5, externalId: null, name: 'x', kind: 'transcript', openedAt: 1 }
    await expect(settings.addRecentTask(task)).resolves.toEqual([task])
    expect(settings.getRecentTasks()).toEqual([task])
    await expect(settings.clearRecentTasks()).resolves.toBeUndefined()
    expect(settings.getRecentTasks()).toEqual([])
    // Invalid input is still an error: only the write is best-effort.
    await expect(settings.setBaseUrl('ftp://x')).rejects.toMatchObject({ code: 'bad_request' })
    expect(logged).toHaveLength(3)
    expect(logged[0]).toContain('ENOSPC')
  })

  it('a store whose reads throw (its file broke while running) reads as defaults', () => {
    const broken = {
      get: () => {
        throw new SyntaxError('Unexpected token')
      },
      set: () => undefined,
      delete: () => undefined
    }
    const settings = new SettingsService(broken)
    expect(settings.getBaseUrl()).toBe(defaultBaseUrl)
    expect(settings.getRecentTasks()).toEqual([])
  })
})
