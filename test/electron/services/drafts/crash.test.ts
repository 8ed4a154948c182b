import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { watch } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { convertRealFixture } from '../../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../../shared/transcript'
import type { TranscriptModel } from '../../../../shared/transcript'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'
import { stripUrlQueriesReplacer } from '../../../../electron/services/drafts/strip-urls'
import { draftVersion } from './draft-versions'
import { seededRandom } from '../../../support/seeded-random'

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

// Both kill tests live in this one file so they run one after the other, not competing for the CPU.
/*
 * A child Node process runs the app's actual save
 * path (composeServices + IPC handlers + dispatcher + draft store) on the 2-hour task and is
 * SIGKILLed at random moments, 30 times over the same data folder. After every kill the draft
 * loads and is exactly the last version the writer confirmed or the one it was writing. Every
 * 4th kill lands the moment a temp file appears (mid-write), so temps are left behind: the next
 * start (composeServices) sweeps the ones whose writer is dead.
 *
 * The writer is bundled once with esbuild so each start costs tens of ms, not a TypeScript
 * loader's second. About 0.6 s of CPU per run (start, parse the 8 MB model, write it): 30 runs
 * take ~20 s on an idle machine; the timeout allows for a heavily shared one.
 */

const kills = 30
let work = ''
let bundledWriter = ''
let modelPath = ''
let model: TranscriptModel

interface Run {
  saved: number
  saving: number
  ready: boolean
  /** ms from the first "saving" to the first "saved" (how long one save of the 2-hour draft takes here). */
  firstSaveMs: number | null
}

/** Starts the writer at version `first`, kills it after `delayMs` of saving (or when a temp appears), and reports what it said. */
async function runRealPathAndKill(dataDir: string, first: number, kill: { delayMs: number } | 'on-temp' | 'after-first-save'): Promise<Run> {
  const child = spawn(process.execPath, [bundledWriter, dataDir, modelPath, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: Run = { saved: 0, saving: 0, ready: false, firstSaveMs: null }
  let firstSavingAt = 0
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const draftsDir = join(dataDir, 'drafts')
  let killed = false
  const killNow = () => {
    if (killed) return
    killed = true
    child.kill('SIGKILL')
  }
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, n] = line.split(' ')
    if (word === 'saved') {
      run.saved = Number(n)
      run.firstSaveMs ??= performance.now() - firstSavingAt
      if (kill === 'after-first-save') killNow()
    }
    if (word === 'saving') {
      run.saving = Number(n)
      if (firstSavingAt > 0) return
      firstSavingAt = performance.now()
      // Random kills count from the first save's start, so they spread over serialising, writing, fsync and rename.
      if (typeof kill === 'object') setTimeout(killNow, kill.delayMs)
    }
    if (word !== 'ready') return
    run.ready = true
    if (kill === 'on-temp') {
      const watcher = watch(draftsDir, (_event, name) => {
        if (name?.endsWith('.tmp')) {
          killNow()
          watcher.close()
        }
      })
      child.on('exit', () => watcher.close())
    }
  })
  const signal = await exited
  expect(signal, `the writer died on its own: ${stderr}`).toBe('SIGKILL')
  return run
}

describe('kill -9 of the real save path on the 2-hour task', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sdte-kill9-'))
    // Inside the repository so the bundle's external packages resolve from its node_modules.
    bundledWriter = join(import.meta.dirname, `.kill-writer-${process.pid}.mjs`)
    await build({
      entryPoints: [join(import.meta.dirname, 'kill-writer.ts')],
      outfile: bundledWriter,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Only the project's own TypeScript is bundled; packages load from node_modules as usual.
      packages: 'external',
      logLevel: 'silent'
    })
    model = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json'))
    modelPath = join(work, 'model.json')
    await writeFile(modelPath, JSON.stringify(model))
  }, 60_000)
  afterAll(async () => {
    await rm(bundledWriter, { force: true })
    await rm(work, { recursive: true, force: true })
  })

  it(`after each of ${kills} kills the draft is exactly the last confirmed version or the one in flight`, async () => {
    const seed = Number(process.env['SDTE_KILL_SEED'] ?? Date.now() % 100_000)
    const next = seededRandom(seed)
    const dataDir = join(work, 'data')
    const store = createDraftStore({ dir: join(dataDir, 'drafts'), now: Date.now })
    // The 2-hour fixture has no signed URL, so the stored document is the version as sent.
    expect(JSON.stringify(model, stripUrlQueriesReplacer) === JSON.stringify(model)).toBe(true)
    const expected = (n: number) => JSON.stringify(draftVersion(model, n))
    let confirmed = 0
    // Kills land anywhere from the start of a save to past its end (two saves' time).
    let saveMs = 500
    let tempsLeft = 0
    let landedInFlight = 0
    for (let round = 0; round < kills; round++) {
      const first = round * 1000 + 1
      const kill = round % 4 === 3 ? ('on-temp' as const) : { delayMs: Math.floor(next() * 2 * saveMs) }
      // The first round must leave a draft to compare against.
      const run = await runRealPathAndKill(dataDir, first, round === 0 ? 'after-first-save' : kill)
      const context = `seed ${seed}, round ${round}, kill ${JSON.stringify(kill)}, run ${JSON.stringify(run)}, confirmed before ${confirmed}`
      if (run.firstSaveMs !== null) saveMs = run.firstSaveMs
      const inFlight = run.saving > run.saved ? run.saving : null
      if (run.saved > 0) confirmed = run.saved
      const draft = await store.load<TranscriptModel & { revision: number }>(model.taskId)
      expect(draft, context).not.toBeNull()
      const revision = draft!.document.revision
      expect([confirmed, inFlight], context).toContain(revision)
      // Byte for byte the version the writer sent (what a reload shows the reviewer): the
      // document is the tail of the file, so no second serialisation of 8 MB is needed.
      const text = await readFile(store.pathOf(model.taskId), 'utf8')
      expect(text.slice(text.indexOf(',"document":') + ',"document":'.length, -1) === expected(revision), context).toBe(true)
      if (revision === inFlight) {
        landedInFlight++
        confirmed = inFlight
      }
      tempsLeft += (await readdir(join(dataDir, 'drafts'))).filter((n) => n.endsWith('.tmp')).length
    }
    // The mid-write kills left temps; each next start swept its dead predecessor's.
    expect(tempsLeft).toBeGreaterThan(0)
    const before = (await readdir(join(dataDir, 'drafts'))).filter((n) => n.endsWith('.tmp'))
    const last = await runRealPathAndKill(dataDir, 999_001, 'on-temp')
    expect(last.ready).toBe(true)
    const after = (await readdir(join(dataDir, 'drafts'))).filter((n) => n.endsWith('.tmp'))
    for (const name of before) expect(after).not.toContain(name)
    expect(JSON.parse(await readFile(join(dataDir, 'drafts', `${model.taskId}.draft.json`), 'utf8')).taskId).toBe(String(model.taskId))
    // Figures only on this machine's load: printed, never asserted.
    console.log(`kill -9: ${kills} kills, ${landedInFlight} landed the version in flight, seed ${seed}`)
  }, 300_000)
})

/*
 * The edit journal under kill -9: a writer appends patches of the 2-hour task to the journal and
 * compacts every 5th save, and is SIGKILLed at random moments, as a journal record is being
 * appended, and as a compaction's temp file appears. After every kill the draft (full draft +
 * whole journal records) is exactly the last confirmed version or the one in flight.
 */
describe('kill -9 of the journal writer (append and compaction)', () => {
  let journalWriter = ''
  let folder = ''
  let modelFile = ''
  let model: TranscriptModel
  beforeAll(async () => {
    journalWriter = join(import.meta.dirname, `.journal-writer-${process.pid}.mjs`)
    await build({ entryPoints: [join(import.meta.dirname, 'journal-writer.ts')], outfile: journalWriter, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent' })
    folder = await mkdtemp(join(tmpdir(), 'sdte-journal-kill9-'))
    model = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json'))
    modelFile = join(folder, 'model.json')
    await writeFile(modelFile, JSON.stringify(model))
  }, 60_000)
  afterAll(async () => {
    await rm(journalWriter, { force: true })
    await rm(folder, { recursive: true, force: true })
  })

  it('after each kill the draft with its journal is the last confirmed version or the one in flight', async () => {
    const seed = Number(process.env['SDTE_KILL_SEED'] ?? Date.now() % 100_000)
    const next = seededRandom(seed)
    const dir = join(folder, 'drafts')
    const store = createDraftStore({ dir, now: Date.now })
    const kinds: Array<'on-temp' | 'on-journal' | 'delay'> = ['on-journal', 'on-temp', 'delay']
    const hits = { 'on-temp': 0, 'on-journal': 0, delay: 0 }
    for (let round = 0; round < 12; round++) {
      const kind = kinds[round % 3]!
      const delayMs = Math.floor(next() * 400)
      const child = spawn(process.execPath, [journalWriter, dir, modelFile, String(round * 1000 + 1)], { stdio: ['ignore', 'pipe', 'pipe'] })
      const run = { saved: 0, saving: 0 }
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
      let killed = false
      const killNow = () => {
        if (killed) return
        killed = true
        hits[kind]++
        child.kill('SIGKILL')
      }
      createInterface({ input: child.stdout }).on('line', (line) => {
        const [word, n] = line.split(' ')
        if (word === 'saved') run.saved = Number(n)
        if (word === 'saving') run.saving = Number(n)
        // Past the first (full) save, so the round has a version to keep.
        if (word !== 'saved' || run.saved !== round * 1000 + 1) return
        if (kind === 'delay') return void setTimeout(killNow, delayMs)
        const watcher = watch(dir, (_event, name) => {
          if (name?.endsWith(kind === 'on-temp' ? '.tmp' : '.journal')) {
            killNow()
            watcher.close()
          }
        })
        child.on('exit', () => watcher.close())
      })
      expect(await exited, `the writer died on its own: ${stderr}`).toBe('SIGKILL')
      const context = `seed ${seed}, round ${round}, ${kind} ${delayMs} ms, ${JSON.stringify(run)}`
      const draft = await store.load<TranscriptModel & { revision: number }>(model.taskId)
      expect(draft, context).not.toBeNull()
      const revision = draft!.document.revision
      expect([run.saved, run.saving], context).toContain(revision)
      expect(JSON.stringify(draft!.document) === JSON.stringify(draftVersion(model, revision)), context).toBe(true)
      await store.removeStaleTemps(0)
    }
    console.log(`journal kill -9: 12 kills (${JSON.stringify(hits)}), seed ${seed}`)
  }, 300_000)
})
