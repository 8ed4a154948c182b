import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { watch } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'

/*
 * Drafts survive a crash (docs/architecture.md#data-flow): a draft writer killed mid-write leaves
 * the previous draft readable, and the next start offers it. A real child process writes big drafts
 * in a loop and is SIGKILLed at varying points of a write, several times over the same folder.
 */

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))

interface Round {
  lastSaved: number
  lastWriting: number
}

/**
 * Runs the writer until it has started write number `killAtWrite`, then SIGKILLs it: after
 * `delayMs`, or with 'on-temp' the moment its temp file appears (so the kill lands inside the
 * write itself, between open and rename).
 */
async function runAndKill(dir: string, killAtWrite: number, delayMs: number | 'on-temp'): Promise<Round> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, '42', '6'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const round: Round = { lastSaved: 0, lastWriting: 0 }
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const lines = createInterface({ input: child.stdout })
  let killed = false
  lines.on('line', (line) => {
    const [word, n] = line.split(' ')
    if (word === 'saved') round.lastSaved = Number(n)
    if (word === 'writing') {
      round.lastWriting = Number(n)
      if (Number(n) === killAtWrite && !killed) {
        if (delayMs === 'on-temp') {
          const watcher = watch(dir, (_event, name) => {
            if (!killed && name?.endsWith('.tmp')) {
              killed = true
              child.kill('SIGKILL')
              watcher.close()
            }
          })
          child.on('exit', () => watcher.close())
        } else {
          killed = true
          setTimeout(() => child.kill('SIGKILL'), delayMs)
        }
      }
    }
  })
  const signal = await exited
  expect(signal).toBe('SIGKILL')
  return round
}

describe('drafts survive a writer killed mid-write', () => {
  it('always leaves a whole previous draft that loads, and no temp file is taken for a draft', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sdte-crash-'))
    const reports: unknown[] = []
    const store = createDraftStore({ dir, now: Date.now, report: (r) => reports.push(r) })
    let tempsSeen = 0
    try {
      // Kill during the 2nd or 3rd write at different moments: as its temp file appears
      // (mid-write), right away (serialising), later (writing, fsync, around the rename).
      const plan: Array<[number, number | 'on-temp']> = [
        [2, 'on-temp'],
        [2, 0],
        [3, 'on-temp'],
        [2, 30],
        [2, 'on-temp'],
        [3, 80]
      ]
      for (const [killAtWrite, delayMs] of plan) {
        const round = await runAndKill(dir, killAtWrite, delayMs)
        const draft = await store.load<{ seq: number; checksum: string; items: string[] }, { seq: number }>(42)
        expect(draft, `round ${JSON.stringify(round)}`).not.toBeNull()
        const doc = draft!.document
        // The draft is the last one confirmed saved, or the one in flight if its rename landed.
        expect([round.lastSaved, round.lastSaved + 1]).toContain(doc.seq)
        expect(doc.seq).toBeGreaterThanOrEqual(1)
        expect(draft!.meta.seq).toBe(doc.seq)
        expect(createHash('sha256').update(doc.items.join('\n')).digest('hex')).toBe(doc.checksum)

        // A torn temp file may be left behind; it must never be listed or loaded as a draft.
        const names = await readdir(dir)
        const temps = names.filter((n) => n.endsWith('.tmp'))
        tempsSeen += temps.length
        expect(names.filter((n) => n.endsWith('.draft.json'))).toEqual(['42.draft.json'])
        const listed = await store.list()
        expect(listed.map((d) => d.taskId)).toEqual(['42'])
        expect(await store.removeStaleTemps(0)).toBe(temps.length)
      }
      expect(reports).toEqual([])
      // The 'on-temp' kills land between open and rename: proof the test hit a write mid-way.
      expect(tempsSeen).toBeGreaterThan(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
