import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServices } from '../../../electron/main/compose-services'
import { createAppHandlers, type PlatformPort } from '../../../electron/main/app-handlers'
import { createDispatcher } from '../../../electron/main/ipc-dispatcher'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import type { Result } from '../../../shared/errors'

/*
 * Finish review's channels through the real dispatcher and services, on a real temp folder: the
 * settings persist in the store, the folder comes only from the folder dialog, and a file name
 * from the renderer can never be a path.
 */

let dir: string
let nextFolder: string | null = null
const store = createMemoryKeyValueStore()
let call: <T>(channel: string, payload?: unknown) => Promise<Result<T>>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-finish-'))
  const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'logs'), store, secrets: createMemorySecretStore(false) })
  const platform = { chooseFolder: async () => nextFolder } as unknown as PlatformPort
  const dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: () => true })
  call = (channel, payload) => dispatch(channel, payload, { url: 'app://sdte/index.html', isMainFrame: true }) as never
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('finish channels', () => {
  it('keeps formats and folder in settings; a cancelled dialog changes nothing', async () => {
    expect(await call('finish:getSettings')).toEqual({ ok: true, value: { formats: ['srt', 'docx'], folder: null } })
    expect(await call('finish:setFormats', { formats: ['vtt', 'json'] })).toMatchObject({ ok: true, value: { formats: ['vtt', 'json'] } })
    expect(await call('finish:setFormats', { formats: [] })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call('finish:setFormats', { formats: ['srt', 'srt'] })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call('finish:setFormats', { formats: ['exe'] })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call('finish:chooseFolder')).toEqual({ ok: true, value: null })
    const out = join(dir, 'out')
    await mkdir(out)
    nextFolder = out
    expect(await call('finish:chooseFolder')).toEqual({ ok: true, value: { formats: ['vtt', 'json'], folder: out } })
    expect(store.data['review.finish']).toEqual({ formats: ['vtt', 'json'], folder: out })
  })

  it('writes bare file names into the chosen folder and nothing else', async () => {
    const saved = await call<{ path: string }>('finish:saveFile', { name: 'Interview.change-set.json', content: '{}\n' })
    expect(saved).toEqual({ ok: true, value: { path: join(dir, 'out', 'Interview.change-set.json') } })
    expect(await readFile(join(dir, 'out', 'Interview.change-set.json'), 'utf8')).toBe('{}\n')
    expect(await call('finish:saveFile', { name: 'x.docx', content: { base64: Buffer.from('PK').toString('base64') } })).toMatchObject({ ok: true })
    expect(await readFile(join(dir, 'out', 'x.docx'), 'utf8')).toBe('PK')
    for (const name of ['../escape.txt', 'a/b.txt', '..', '.hidden', 'C:evil.txt']) {
      expect(await call('finish:saveFile', { name, content: 'x' }), name).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    }
    expect((await readdir(dir)).sort()).toEqual(['data', 'logs', 'out'])
  })

  it('says which file could not be written, in words', async () => {
    // The chosen folder has since been replaced by a file (works for root too, unlike a read-only folder).
    const gone = join(dir, 'gone')
    await writeFile(gone, 'not a folder')
    nextFolder = gone
    await call('finish:chooseFolder')
    const result = await call('finish:saveFile', { name: 'a.srt', content: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/^Could not write a\.srt: .*file/i) } })
  })
})
