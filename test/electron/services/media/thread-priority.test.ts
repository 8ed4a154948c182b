import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { runnableWorkerEntry } from '../../../../electron/services/media/decode-pool'
import { decodeNiceness, wantedNiceness } from '../../../../electron/services/media/thread-priority'
import { releaseWorker, stopIdleWorkers, takeWorkers } from '../../../../electron/services/media/warm-workers'
import { ensureLongRecording } from '../../../fixtures/audio/generate'

/*
 * Decode workers run nicer than main (thread-priority.ts), so main's loop gets a core when it
 * wakes. What makes that safe is that Linux keeps niceness per thread and Node's
 * `os.setPriority(n)` (pid 0) names the calling thread alone: read back here from
 * /proc/self/task/<tid>/stat, for a bare worker and for a real decode worker.
 */

const linux = process.platform === 'linux'

/** Niceness of each thread of this process, by thread id (field 19 of its stat line). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>()
  for (const name of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${name}/stat`, 'latin1')
      // The name in parentheses may hold spaces: fields are counted after its closing one (field 3 on).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(Number(name), Number(fields[19 - 3]))
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return out
}

const ownTid = (): number => Number(readlinkSync('/proc/thread-self').split('/').pop())

afterEach(async () => {
  delete process.env.SDTE_DECODE_NICE
  await stopIdleWorkers()
})

describe('decode worker priority', () => {
  it('SDTE_DECODE_NICE picks a niceness from 0 to 19; anything else keeps the default', () => {
    expect(wantedNiceness({})).toBe(decodeNiceness)
    expect(wantedNiceness({ SDTE_DECODE_NICE: '0' })).toBe(0)
    expect(wantedNiceness({ SDTE_DECODE_NICE: '15' })).toBe(15)
    for (const bad of ['', ' ', '-1', '20', '3.5', 'high']) expect(wantedNiceness({ SDTE_DECODE_NICE: bad })).toBe(decodeNiceness)
  })

  it.runIf(linux)("os.setPriority without a pid in a worker thread changes that thread's niceness alone", async () => {
    const base = threadNiceness().get(ownTid())!
    // This test's process may itself run nice (a loaded machine); one step nicer is enough to see.
    if (base >= 19) return
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       require('node:os').setPriority(${base + 1});
       parentPort.postMessage(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()));
       parentPort.once('message', () => process.exit(0));`,
      { eval: true }
    )
    try {
      const tid = await new Promise<number>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      const after = threadNiceness()
      expect(tid).not.toBe(ownTid())
      expect(after.get(tid)).toBe(base + 1)
      expect(after.get(ownTid())).toBe(base)
      expect(after.get(process.pid)).toBe(threadNiceness().get(process.pid))
      for (const [other, nice] of after) if (other !== tid) expect(nice, `thread ${other}`).toBeLessThanOrEqual(base)
    } finally {
      await worker.terminate()
    }
  })

  it.runIf(linux)('a decode worker lowers its own thread and leaves main and the other threads as they were', async () => {
    const base = threadNiceness().get(ownTid())!
    if (base >= 19) return
    const target = Math.min(19, Math.max(base + 1, decodeNiceness))
    process.env.SDTE_DECODE_NICE = String(target)
    const path = await ensureLongRecording(0.05, 'mp3')
    const entry = await runnableWorkerEntry()
    const before = threadNiceness()
    const { workers } = takeWorkers(entry, 256, 1, null)
    const worker = workers[0]!
    try {
      // A job answered: the worker's entry ran (it lowers itself first thing).
      const replies = await worker.run({ type: 'plan', path, kind: 'mp3', parts: 2 })
      expect(replies.some((r) => r.type === 'plan')).toBe(true)
      const after = threadNiceness()
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === target)
      expect(lowered.length).toBeGreaterThanOrEqual(1)
      // Main's thread (this test's) and every thread that was there before keep their niceness.
      for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid), `thread ${tid}`).toBe(nice)
    } finally {
      releaseWorker(worker)
    }
  })
})
