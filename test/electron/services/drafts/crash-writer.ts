import { createHash } from 'node:crypto'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'

/*
 * Child process for the crash test: saves ever-newer big drafts of one task in a loop, saying
 * "writing <n>" before and "saved <n>" after each save, until it is killed (SIGKILL).
 * Each document carries its own checksum, so the parent can tell a whole draft from a torn one.
 * Usage: node --import tsx crash-writer.ts <dir> <taskId> <megabytes>
 */

const [dir = '', taskId = '1', megabytes = '8'] = process.argv.slice(2)
const store = createDraftStore({ dir, now: Date.now })
const words = Math.round((Number(megabytes) * 1024 * 1024) / 40)

for (let seq = 1; ; seq++) {
  const items = Array.from({ length: words }, (_, i) => `w${seq}-${i}-${'x'.repeat(28)}`)
  const checksum = createHash('sha256').update(items.join('\n')).digest('hex')
  process.stdout.write(`writing ${seq}\n`)
  await store.save(taskId, `export-${seq % 3}`, { seq, checksum, items }, { seq })
  process.stdout.write(`saved ${seq}\n`)
}
