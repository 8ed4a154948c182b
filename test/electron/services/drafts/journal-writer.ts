import { readFileSync } from 'node:fs'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'
import { diffModel } from '../../../../shared/transcript/model-patch'
import type { AppError } from '../../../../shared/errors'
import type { TranscriptModel } from '../../../../shared/transcript'
import { draftVersion } from './draft-versions'

/*
 * Child process for the journal kill -9 test: autosave as the app does it after a restart — the
 * first patch is refused (main holds no revision), so that version goes out whole; every later
 * version is a patch appended to the journal, and every 5th save is a compaction (a full atomic
 * write). Says "ready", then "saving <n>" before and "saved <n>" after each save, until SIGKILLed.
 * Usage: node journal-writer.mjs <draftsDir> <model.json> <first version>
 */

const [dir = '', modelPath = '', first = '1'] = process.argv.slice(2)
const model = JSON.parse(readFileSync(modelPath, 'utf8')) as TranscriptModel
const store = createDraftStore({ dir, now: Date.now, compactAfter: { records: 4 } })
const taskId = model.taskId
process.stdout.write('ready\n')
let previous = draftVersion(model, Number(first))
process.stdout.write(`saving ${first}\n`)
const refused = await store.patch(taskId, 'two-hour', 'none:0', diffModel(model, previous)).then(
  () => 'accepted',
  (error: AppError) => error.code
)
if (refused !== 'conflict') {
  process.stderr.write(`a patch on a revision main does not hold was ${refused}\n`)
  process.exit(1)
}
let { revision } = await store.save(taskId, 'two-hour', previous, {})
process.stdout.write(`saved ${first}\n`)
for (let n = Number(first) + 1; ; n++) {
  const next = draftVersion(model, n)
  process.stdout.write(`saving ${n}\n`)
  revision = (await store.patch(taskId, 'two-hour', revision, diffModel(previous, next))).revision
  process.stdout.write(`saved ${n}\n`)
  previous = next
}
