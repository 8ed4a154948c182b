import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
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
import { hashExport } from '../../../electron/services/drafts/export-hash'
import { cacheKeyFor } from '../../../electron/services/download/cache-key'

/*
 * Issue 21: the export hash (~370 ms of a 50 MB export's open) no longer holds up the open's
 * reply when no draft waits to be compared. The reply carries a stand-in; a draft saved under it
 * is stored under the real hash, so reopening still tells "same export"; a file's recording is
 * still keyed by the real hash. The real handlers, dispatcher and services over a temp folder.
 */
const repoRoot = resolve(import.meta.dirname, '../../..')
const sender = { url: 'app://sdte/index.html', isMainFrame: true }

let dataDir: string
let exportPath: string
let services: AppServices
let dispatch: Dispatch
let exportData: { taskId: number }

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-hash-later-'))
  exportPath = join(dataDir, 'task.json')
  const text = await readFile(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')
  exportData = JSON.parse(text) as { taskId: number }
  // Reordered keys and whitespace: the hash is of the content, not the bytes.
  await writeFile(exportPath, JSON.stringify(Object.fromEntries(Object.entries(exportData).reverse()), null, 2))
  const recording = join(dataDir, 'take.mp3')
  await writeFile(recording, await readFile(join(repoRoot, 'resources/sample/sample.mp3')))
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({ chooseExportFile: async () => exportPath, chooseMediaFile: async () => recording, mediaUrl: (path) => `sdte-media://app${path}` })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: createSenderCheck(['app://sdte']) })
})

afterEach(async () => {
  // Retried: a recording attached above is still being decoded in the background, and its failure (the file gone) may land in the logs folder meanwhile.
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

type Opened = { ok: true; value: { exportHash: string; draft: { comparison: string } | null; data: { taskId: number } } }

describe('the export hash after the open reply (issue 21)', () => {
  it('answers with a stand-in when there is no draft, and stores a draft saved under it with the real hash', async () => {
    const real = hashExport(exportData)
    const first = (await dispatch('files:openExport', undefined, sender)) as Opened
    expect(first).toMatchObject({ ok: true, value: { draft: null } })
    expect(first.value.exportHash).not.toBe(real)
    const taskId = first.value.data.taskId
    expect(await dispatch('drafts:save', { taskId, exportHash: first.value.exportHash, document: { segments: [] } }, sender)).toMatchObject({ ok: true })
    expect((await services.drafts.load(taskId))?.exportHash).toBe(real)
    // Reopened with a draft waiting: compared at once, against the real hash.
    const again = (await dispatch('files:openExport', undefined, sender)) as Opened
    expect(again.value).toMatchObject({ exportHash: real, draft: { comparison: 'same-export' } })
  })

  it('keys the recording of an export opened from a file by the real hash, as before', async () => {
    const first = (await dispatch('files:openExport', undefined, sender)) as Opened
    const taskId = first.value.data.taskId
    const attached = (await dispatch('media:attach', { taskId }, sender)) as { ok: true; value: { status: string; url: string } }
    expect(attached.value.status).toBe('ready')
    expect(attached.value.url).toContain(`/media/${cacheKeyFor({ kind: 'file', exportHash: hashExport(exportData) }, taskId)}?`)
  })

  it('applies patches sent under the stand-in to the draft stored under the real hash', async () => {
    const first = (await dispatch('files:openExport', undefined, sender)) as Opened
    const taskId = first.value.data.taskId
    const saved = (await dispatch('drafts:save', { taskId, exportHash: first.value.exportHash, document: { segments: [] } }, sender)) as { ok: true; value: { revision: string } }
    const patched = await dispatch('drafts:patch', { taskId, exportHash: first.value.exportHash, base: saved.value.revision, patch: { set: { nextId: 3 }, unset: [] } }, sender)
    expect(patched).toMatchObject({ ok: true })
  })
})
