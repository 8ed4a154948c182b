import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { tooDeepAt } from '../../shared/api/parse-export'
import { normaliseTranscript } from '../../shared/transcript'
import { parseTranscriptExport } from '../../electron/services/files/read-export-file'
import { createDraftStore } from '../../electron/services/drafts/draft-store'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import type { Figure, Figures } from './stats'

/*
 * Big exports: the 2-hour task, the 6-hour one (×3) and a 50 MB one (×20). For each, where the
 * app's open goes, stage by stage, old way beside new (interleaved, the order swapped every run,
 * the median of `BIG_EXPORT_RUNS` runs, 3 by default, with the spread). Each side of each open
 * runs in a fresh process (big-export-open.ts): main's (read: the file's bytes → text · parse +
 * validate: JSON.parse, depth check, schema · IPC out: the reply as Electron's IPC writes it,
 * v8.serialize, with the words packed in columns where the checkout does so · the draft hash
 * after the reply, in slices, printed apart) and the renderer's (IPC in: v8.deserialize and the
 * words put back · normalise) · total. Memory per process after a full collection: what main
 * holds after the reply and after the hash, what the renderer holds (export + model), and each
 * process's peak RSS above its start; the reply's size on the wire.
 * Then the draft of the opened task (its model as main receives it) saved by each way's draft
 * store: its size on disk against the export's.
 * Then the built `sdte export --input … --format srt` as a process: wall time and peak RSS
 * (/usr/bin/time).
 * Old way: `BIG_EXPORT_OLD=<a checkout of the old commit>` (e.g. `git worktree add /tmp/wbx-old
 * a886ab2 && cp -al node_modules /tmp/wbx-old/`) runs that checkout's own read, parse, hash and
 * normalise; without it the old columns are empty. `SDTE_OLD=<old out/cli/sdte.js>` adds the
 * old build's sdte figures.
 * Targets: 50 MB open ≤ 2 s and ≤ 200 MB extra; 6 h ≤ 3× the 2 h on every figure.
 */

const sdte = resolve(import.meta.dirname, '../../out/cli/sdte.js')

/** The depth check as it was: a stack entry and a path string for every value. */
function oldTooDeepAt(body: unknown, limit = 200): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }]
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth >= limit) return path
    for (const [key, member] of Object.entries(value)) stack.push({ value: member, depth: depth + 1, path: path.length > 60 ? path : path === '' ? key : `${path}.${key}` })
  }
  return null
}

const ms = (t: number): number => Math.round(performance.now() - t)
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10
type DraftStoreFactory = typeof createDraftStore

/** A draft saved by `create`'s store (what the app writes on the first autosave). */
async function saveWith(create: DraftStoreFactory, dir: string, document: unknown): Promise<string> {
  const store = create({ dir, now: () => 1 })
  await store.save(1, 'h', document, {})
  return store.pathOf(1)
}

const stages = ['read', 'parse + validate', 'IPC out (serialize)', 'IPC in (deserialize)', 'normalise', 'total'] as const
type Stage = (typeof stages)[number]
/** What one open measured, main's and the renderer's figures together (big-export-open.ts). */
type Open = Record<Stage, number> & Record<string, number>

const openScript = resolve(import.meta.dirname, 'big-export-open.ts')

/** One side of one open in a fresh process (big-export-open.ts); its figures. */
function side(args: readonly string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', openScript, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (run.status !== 0) throw new Error(`big-export-open ${args[0]} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>
}

/** One open of `file` by the checkout at `root`: main's side, then the renderer's, each in its own process. */
function open(root: string, file: string, wireFile: string): Open {
  const main = side(['main', root, file, wireFile])
  const renderer = side(['renderer', root, wireFile])
  const out = { ...main, ...renderer } as Open
  out.total = stages.slice(0, -1).reduce((sum, stage) => sum + out[stage], 0)
  out['cpu total'] = out['cpu'] + out['renderer cpu']
  return out
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Peak RSS and wall time of one `sdte export --format srt` run of `bin`. */
function runSdte(bin: string, file: string, out: string): { wall: number; rss: number } {
  const t = performance.now()
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'export', '--input', file, '--format', 'srt', '--out', out], { encoding: 'utf8' })
  const wall = ms(t)
  return { wall, rss: Number(run.stderr.trim().split('\n').pop()) * 1024 }
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const base = convertRealFixture('senate-hearing-2h.dpe.json') as unknown as TranscriptExport
  const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-big-'))
  const figures: Figures = {}
  const byLabel: Record<string, Record<string, Figure>> = {}
  const oldSdte = process.env['SDTE_OLD']
  const oldRoot = process.env['BIG_EXPORT_OLD']
  const runs = Math.max(1, Number(process.env['BIG_EXPORT_RUNS'] ?? 3))
  const ours = resolve(import.meta.dirname, '../..')
  const oldDrafts = oldRoot ? ((await import(join(resolve(oldRoot), 'electron/services/drafts/draft-store.ts'))) as { createDraftStore: DraftStoreFactory }).createDraftStore : null
  try {
    for (const [label, times] of [['2h', 1], ['6h', 3], ['50MB', 20]] as const) {
      const text = JSON.stringify(times === 1 ? base : concatenated(base, times))
      const file = join(dir, `${label}.json`)
      await writeFile(file, text)
      const name = `${label} (${mb(text.length)} MB)`
      const big = label === '50MB'
      // Old and new interleaved, each side of each open a fresh process, the order swapped every
      // run (a later process on a loaded machine is not slower by being later); the median counts.
      const olds: Open[] = []
      const news: Open[] = []
      const wire = join(dir, 'reply.bin')
      for (let k = 0; k < runs; k++) {
        const pair = [() => news.push(open(ours, file, wire)), () => oldRoot && olds.push(open(resolve(oldRoot), file, wire))]
        for (const go of k % 2 === 0 ? pair : pair.reverse()) go()
      }
      const mine: Record<string, Figure> = {}
      const add = (figure: string, value: number, unit: string, old: number | undefined, target?: number, spread?: readonly number[]): void => {
        const range = spread ? { min: Math.min(...spread), max: Math.max(...spread), runs: spread.length } : {}
        mine[figure] = { value, unit, ...range, ...(old === undefined ? {} : { old }), ...(target === undefined ? {} : { target }) }
        figures[`${name} ${figure}`] = mine[figure]
      }
      const figure = (key: string, shown: string, unit: 'ms' | 'MB', target?: number): void => {
        const scale = (v: number | undefined): number => (v === undefined ? NaN : unit === 'MB' ? mb(v) : Math.round(v))
        const values = news.map((r) => scale(r[key]))
        const old = olds.length > 0 && olds[0][key] !== undefined ? median(olds.map((r) => scale(r[key]))) : undefined
        add(shown, median(values), unit, old, target, values)
      }
      for (const stage of stages) figure(stage, `open: ${stage}`, 'ms', big && stage === 'total' ? 2000 : undefined)
      figure('cpu total', 'open: CPU time of the stages above (main + renderer, all threads)', 'ms')
      figure('unpack', 'open: IPC in, of which putting the words back (renderer)', 'ms')
      figure('renderer held (export + model)', 'open: renderer heap held after GC (export + model)', 'MB', big ? 200 : undefined)
      figure('renderer peak RSS extra', 'open: renderer peak RSS extra', 'MB', big ? 200 : undefined)
      figure('main held after the reply', 'open: main heap held after GC, reply sent (export until hashed)', 'MB')
      figure('main held after the hash', 'open: main heap held after GC, hash done', 'MB')
      figure('main peak RSS extra', 'open: main peak RSS extra', 'MB', big ? 200 : undefined)
      figure('wire', 'open: IPC reply size', 'MB')
      figure('hash after the reply', 'hash after the reply (main, in slices; off the critical path)', 'ms')
      // The first autosave: the model as main receives it over IPC, saved by each way's draft store.
      const model = deserialize(serialize(normaliseTranscript(parseTranscriptExport(text, 'big.json'))))
      const draftSize = async (create: DraftStoreFactory, sub: string): Promise<number> => Math.round(((await stat(await saveWith(create, join(dir, sub), model))).size / text.length) * 100) / 100
      add('draft on disk ÷ export size', await draftSize(createDraftStore, 'new-drafts'), '×', oldDrafts ? await draftSize(oldDrafts, 'old-drafts') : undefined)
      const parsed = JSON.parse(text) as unknown
      let t = performance.now()
      oldTooDeepAt(parsed)
      const oldDepth = ms(t)
      t = performance.now()
      tooDeepAt(parsed)
      add('depth check', ms(t), 'ms', oldDepth)
      if (existsSync(sdte) && existsSync('/usr/bin/time')) {
        const now = runSdte(sdte, file, join(dir, `${label}.srt`))
        const before = oldSdte && existsSync(oldSdte) ? runSdte(oldSdte, file, join(dir, `${label}-old.srt`)) : undefined
        add('sdte export srt: wall', now.wall, 'ms', before?.wall)
        add('sdte export srt: peak RSS', mb(now.rss), 'MB', before ? mb(before.rss) : undefined)
      }
      byLabel[label] = mine
    }
    // The 6-hour task against the 2-hour one, figure by figure (target ≤ 3×).
    for (const [figure, six] of Object.entries(byLabel['6h'] ?? {})) {
      const two = byLabel['2h']?.[figure]
      if (two && two.value > 0) figures[`6h / 2h ${figure}`] = { value: Math.round((six.value / two.value) * 100) / 100, unit: '×', target: 3 }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.min === undefined ? '' : ` [${f.min}–${f.max}, ${f.runs} runs]`}${f.target === undefined ? '' : ` (target ≤ ${f.target})`}${f.old === undefined ? '' : ` (old way ${f.old} ${f.unit})`}`)
}
