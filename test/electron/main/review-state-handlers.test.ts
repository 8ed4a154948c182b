import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, createSenderCheck } from '../../../electron/main/ipc-dispatcher'
import type { Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices } from '../../../electron/main/compose-services'
import type { AppServices } from '../../../electron/main/compose-services'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { maxHeardIntervals } from '../../../shared/review/review-state'

/*
 * reviewState:load / reviewState:save through the real dispatcher and services over a temp data
 * folder: the sidecar lands beside the drafts, bad payloads are refused by the contract, a
 * corrupt file is set aside and said, and discarding the draft takes the sidecar with it.
 */
const repoRoot = resolve(import.meta.dirname, '../../..')
const sampleExport = join(repoRoot, 'resources/sample/sample-task.json')
const sender = { url: 'app://sdte/index.html', isMainFrame: true }

let dataDir: string
let services: AppServices
let dispatch: Dispatch

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-review-handlers-'))
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({
    sampleExportPath: sampleExport,
    sampleMediaPath: join(repoRoot, 'resources/sample/sample.mp3'),
    chooseExportFile: async () => sampleExport,
    mediaUrl: (path) => `sdte-media://app${path}`
  })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: () => 1_700_000_000_000 }), { isTrustedSender: createSenderCheck(['app://sdte']) })
})

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const state = { heard: [[0, 2000], [3000, 4000]], maxRate: 1.5, activeMs: 1000, durationMs: 10_000 }

describe('reviewState channels', () => {
  it('saves beside the drafts and loads it back', async () => {
    expect(await dispatch('reviewState:load', { taskId: 1 }, sender)).toEqual({ ok: true, value: { state: null, problem: null } })
    const saved = await dispatch('reviewState:save', { taskId: 1, state }, sender)
    expect(saved).toEqual({ ok: true, value: { savedAt: expect.any(Number) } })
    expect(await readdir(join(dataDir, 'drafts'))).toContain('1.review.json')
    const savedAt = (saved as { value: { savedAt: number } }).value.savedAt
    expect(await dispatch('reviewState:load', { taskId: 1 }, sender)).toEqual({ ok: true, value: { state: { ...state, savedAt }, problem: null } })
  })

  const bad: Array<[string, unknown]> = [
    ['a backwards interval', { ...state, heard: [[5, 1]] }],
    ['fractional ms', { ...state, heard: [[0.5, 1]] }],
    ['too many intervals', { ...state, heard: Array.from({ length: maxHeardIntervals + 1 }, (_, k) => [k * 2, k * 2 + 1]) }],
    ['a rate above 2×', { ...state, maxRate: 3 }],
    ['an extra field', { ...state, secret: 'x' }],
    ['a negative active time', { ...state, activeMs: -1 }]
  ]
  it.each(bad)('refuses %s and keeps the saved state', async (_n, payload) => {
    await dispatch('reviewState:save', { taskId: 1, state }, sender)
    expect(await dispatch('reviewState:save', { taskId: 1, state: payload }, sender)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await dispatch('reviewState:load', { taskId: 1 }, sender)).toMatchObject({ ok: true, value: { state: { activeMs: 1000 } } })
  })

  it('sets a corrupt sidecar aside and says where', async () => {
    await writeFile(join(dataDir, 'drafts', '1.review.json'), '{"version":1')
    const result = await dispatch('reviewState:load', { taskId: 1 }, sender)
    expect(result).toMatchObject({ ok: true, value: { state: null, problem: { keptAt: expect.stringMatching(/drafts\/1\.review\.json\.corrupt-\d+$/) } } })
    expect((await readdir(join(dataDir, 'drafts'))).filter((n) => n.startsWith('1.review.json.corrupt-'))).toHaveLength(1)
  })

  it('goes with the draft when the draft is discarded', async () => {
    expect(await dispatch('files:openExport', undefined, sender)).toMatchObject({ ok: true })
    await services.drafts.save(1, 'h1', { segments: [] }, {})
    await dispatch('reviewState:save', { taskId: 1, state }, sender)
    expect(await dispatch('drafts:discard', { taskId: 1 }, sender)).toEqual({ ok: true })
    expect(await readdir(join(dataDir, 'drafts'))).not.toContain('1.review.json')
  })
})
