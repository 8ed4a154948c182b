import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { composeServices } from '../../../../electron/main/compose-services'
import { createAppHandlers } from '../../../../electron/main/app-handlers'
import { createDispatcher, createSenderCheck } from '../../../../electron/main/ipc-dispatcher'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import type { TranscriptModel } from '../../../../shared/transcript'
import { draftVersion } from './draft-versions'

/*
 * Child process for the kill -9 test: the app's real save path (composeServices, which sweeps
 * stale temps at start, the IPC handlers behind the real dispatcher, the draft store) saving
 * ever-newer versions of the 2-hour task's model until it is SIGKILLed. Says "ready", then
 * "saving <n>" before and "saved <n>" after each save.
 * Usage: node kill-writer.mjs <dataDir> <model.json> <first version>
 */

const [dataDir = '', modelPath = '', first = '1'] = process.argv.slice(2)
const model = JSON.parse(readFileSync(modelPath, 'utf8')) as TranscriptModel
const services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
const unused = async (): Promise<never> => {
  throw new Error('not used by the save path')
}
const handlers = createAppHandlers({
  ...services,
  now: Date.now,
  platform: {
    info: { name: 'kill-writer', version: '0', platform: process.platform },
    sampleExportPath: '',
    sampleMediaPath: '',
    chooseExportFile: unused,
    chooseSavePath: unused,
    chooseMediaFile: unused,
    mediaUrl: (path) => path,
    sendProgress: () => undefined,
    setUnsaved: () => undefined
  }
})
const dispatch = createDispatcher(handlers, { isTrustedSender: createSenderCheck(['app://sdte']) })
process.stdout.write('ready\n')
for (let n = Number(first); ; n++) {
  process.stdout.write(`saving ${n}\n`)
  const result = await dispatch('drafts:save', { taskId: model.taskId, exportHash: 'two-hour', document: draftVersion(model, n) }, { url: 'app://sdte/index.html', isMainFrame: true })
  if (!result.ok) {
    process.stderr.write(`save ${n} failed: ${result.error.message}\n`)
    process.exit(1)
  }
  process.stdout.write(`saved ${n}\n`)
}
