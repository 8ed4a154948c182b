import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
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
import { createDraftStore } from '../../../electron/services/drafts/draft-store'
import { draftMaxBytes } from '../../../shared/ipc/contract'
import { normaliseTranscript } from '../../../shared/transcript'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { concatenated } from '../../bench/transcript'

/*
 * Draft handlers refuse abuse: drafts:save is capped (a 6-hour task's draft plus headroom) and
 * drafts:discard only deletes the draft of the task that is open. The real handlers, dispatcher and
 * services over a temp data folder; the sample export stands in for the task the reviewer opens.
 */
const repoRoot = resolve(import.meta.dirname, '../../..')
const sampleExport = join(repoRoot, 'resources/sample/sample-task.json')
const sampleTaskId = 1
const sender = { url: 'app://sdte/index.html', isMainFrame: true }

let dataDir: string
let services: AppServices
let dispatch: Dispatch

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-draft-handlers-'))
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({
    sampleExportPath: sampleExport,
    sampleMediaPath: join(repoRoot, 'resources/sample/sample.mp3'),
    chooseExportFile: async () => sampleExport,
    mediaUrl: (path) => `sdte-media://app${path}`
  })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: createSenderCheck(['app://sdte']) })
})

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('drafts:discard', () => {
  it('refuses a task that is not open and keeps its draft', async () => {
    await services.drafts.save(77, 'h77', { segments: [] }, {})
    // Nothing open yet.
    expect(await dispatch('drafts:discard', { taskId: 77 }, sender)).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Task 77 is not the open task; its draft was kept.' }
    })
    expect(await dispatch('files:openExport', undefined, sender)).toMatchObject({ ok: true, value: { data: { taskId: sampleTaskId } } })
    expect(await dispatch('drafts:discard', { taskId: 77 }, sender)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await services.drafts.load(77)).toMatchObject({ exportHash: 'h77' })

    // The open task's own draft is discarded as before.
    await services.drafts.save(sampleTaskId, 'h1', { segments: [] }, {})
    expect(await dispatch('drafts:discard', { taskId: sampleTaskId }, sender)).toEqual({ ok: true })
    expect(await services.drafts.load(sampleTaskId)).toBeNull()
  })
})

describe('drafts:save', () => {
  it('refuses a draft over the cap with a clear error and keeps the last saved one', async () => {
    expect(await dispatch('drafts:save', { taskId: sampleTaskId, exportHash: 'h1', document: { segments: ['kept'] } }, sender)).toMatchObject({ ok: true })
    const huge = { segments: [], padding: 'x'.repeat(draftMaxBytes) }
    const result = await dispatch('drafts:save', { taskId: sampleTaskId, exportHash: 'h1', document: huge }, sender)
    expect(result).toEqual({
      ok: false,
      // The reason and sizes let the renderer say it in the reviewer's language (issue 20).
      error: { code: 'bad_request', message: 'The draft for task 1 is 67.1 MB, over the 67.1 MB a draft may be; the last saved draft is kept.', reason: 'draft_too_large', params: { size: expect.any(Number), max: draftMaxBytes } }
    })
    expect(await services.drafts.load(sampleTaskId)).toMatchObject({ document: { segments: ['kept'] } })
  })

  it('counts UTF-8 bytes, not characters', async () => {
    const store = createDraftStore({ dir: join(dataDir, 'small'), now: Date.now, maxBytes: 1000 })
    await expect(store.save(5, 'h', { text: 'é'.repeat(480) }, {})).rejects.toMatchObject({ code: 'bad_request' })
    await expect(store.save(5, 'h', { text: 'e'.repeat(480) }, {})).resolves.toMatchObject({ exportHash: 'h' })
  })

  it('leaves room for a 6-hour task: its draft is well under the cap', () => {
    const six = normaliseTranscript(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3))
    const bytes = Buffer.byteLength(JSON.stringify(six))
    // Measured 26.1 MB for 2,514 segments; the cap leaves more than double that.
    expect(six.segments.length).toBeGreaterThan(2500)
    expect(bytes * 2).toBeLessThan(draftMaxBytes)
  }, 60_000)
})
