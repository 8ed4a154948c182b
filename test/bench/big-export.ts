import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { z } from 'zod'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { transcriptBodySchema, transcriptExportSchema, transcriptSegmentSchema, wordSchema } from '../../shared/api/transcript-export'
import { stripBom, tooDeepAt } from '../../shared/api/parse-export'
import { normaliseTranscript } from '../../shared/transcript'
import { parseTranscriptExport } from '../../electron/services/files/read-export-file'
import { readJsonText } from '../../electron/services/files/json-text'
import { hashExportInSlices } from '../../electron/services/drafts/export-hash'
import { createDraftStore } from '../../electron/services/drafts/draft-store'
import { stat } from 'node:fs/promises'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import type { Figure, Figures } from './stats'

/*
 * Big exports: the 2-hour task, the 6-hour one (×3) and a 50 MB one (×20). For each, where the
 * app's open goes, stage by stage, old way beside new in the same process (interleaved, the
 * median of `BIG_EXPORT_RUNS` runs, 3 by default, with the spread):
 *   read (the file's bytes → text) · parse + validate (JSON.parse, depth check, schema) · hash (the
 *   draft key, before the reply: the new way computes it after the reply when no draft waits to be
 *   compared, in slices — its time is printed apart as "hash after the reply") · IPC out (main's structured clone of the reply: v8.serialize, what Electron's IPC
 *   does) · IPC in (the renderer's v8.deserialize) · normalise (the renderer's model) · total;
 *   the heap the renderer holds afterwards (export + model; main has let its copy go) and the
 *   reply's size on the wire.
 * Then the draft of the opened task (its model as main receives it) saved by each way's draft
 * store: its size on disk against the export's.
 * Then the built `sdte export --input … --format srt` as a process: wall time and peak RSS
 * (/usr/bin/time).
 * Old way: `BIG_EXPORT_OLD=<a checkout of the old commit>` (e.g. `git worktree add /tmp/wbx-old
 * 77f044f && cp -al node_modules /tmp/wbx-old/`) runs that checkout's own read, hash and normalise;
 * without it, the way before issue 21 inlined below (utf8 read, a schema copying every word, a
 * sorted copy hashed). `SDTE_OLD=<old out/cli/sdte.js>` adds the old build's sdte figures.
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

/** The export schema as it was: every word list through `z.array(wordSchema)` (a copy of each word). */
const oldWords = z.array(wordSchema).nullable().optional()
const oldSegment = transcriptSegmentSchema.extend({ displayWords: oldWords, originalWords: oldWords })
const oldSchema = transcriptExportSchema.extend({
  transcript: z.union([transcriptBodySchema.extend({ transcripts: z.array(oldSegment).nullable().optional() }), z.array(oldSegment)]).nullable().optional()
})

/** The hash as it was: a sorted copy of the whole export, stringified, then hashed. */
function oldHash(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v
    if (Array.isArray(v)) return v.map((item) => (item === undefined ? null : sortKeys(item)))
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(v).sort()) if ((v as Record<string, unknown>)[key] !== undefined) out[key] = sortKeys((v as Record<string, unknown>)[key])
    return out
  }
  return createHash('sha256').update(JSON.stringify(sortKeys(value)), 'utf8').digest('hex')
}

const ms = (t: number): number => Math.round(performance.now() - t)
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10
// A full collection before each heap reading, also under `npm run bench` (no --expose-gc there).
setFlagsFromString('--expose-gc')
const collect = (global.gc ?? runInNewContext('gc')) as () => void
const heapNow = (): number => {
  collect()
  return process.memoryUsage().heapUsed
}

/** One way of opening: the stages an open goes through, in main then in the renderer. */
interface Way {
  readText(file: string): Promise<string>
  parse(text: string, name: string): unknown
  /** The hash before the reply; null when the way sends the reply first (then `hashLater`). */
  hash(data: unknown): string | null
  hashLater?(data: unknown): Promise<string>
  normalise(data: unknown): unknown
  /** Saves `document` as a draft in `dir` with this way's draft store; the file's path. */
  saveDraft?(dir: string, document: unknown): Promise<string>
}

type DraftStoreFactory = typeof createDraftStore

/** A draft saved by `create`'s store (what the app writes on the first autosave). */
async function saveWith(create: DraftStoreFactory, dir: string, document: unknown): Promise<string> {
  const store = create({ dir, now: () => 1 })
  await store.save(1, 'h', document, {})
  return store.pathOf(1)
}

/** The way of this checkout. */
const newWay: Way = {
  readText: readJsonText,
  parse: parseTranscriptExport,
  // No draft to compare (the bench's case): the reply goes first (electron/main/export-hashes.ts).
  hash: () => null,
  hashLater: hashExportInSlices,
  normalise: (data) => normaliseTranscript(data as TranscriptExport),
  saveDraft: (dir, document) => saveWith(createDraftStore, dir, document)
}

/** The way before issue 21, inlined (when no old checkout is given). */
const inlineOldWay: Way = {
  readText: (file) => readFile(file, 'utf8'),
  parse: (text) => {
    const json = JSON.parse(stripBom(text)) as unknown
    if (oldTooDeepAt(json) !== null) throw new Error('too deep')
    return oldSchema.parse(json)
  },
  hash: oldHash,
  normalise: (data) => normaliseTranscript(data as TranscriptExport),
  // The layout before issue 21: the document as sent, sources whole.
  saveDraft: async (dir, document) => {
    const path = join(dir, 'old.draft.json')
    await mkdir(dir, { recursive: true })
    await writeFile(path, JSON.stringify({ version: 1, taskId: '1', exportHash: 'h', savedAt: 1, meta: {}, document }))
    return path
  }
}

/** The way of another checkout (the old commit): its own read, parse, hash and normalise. */
async function checkoutWay(root: string): Promise<Way> {
  const files = (await import(join(root, 'electron/services/files/read-export-file.ts'))) as { parseTranscriptExport: Way['parse'] }
  const text = (await import(join(root, 'electron/services/files/json-text.ts'))) as { readJsonText: Way['readText'] }
  const hash = (await import(join(root, 'electron/services/drafts/export-hash.ts'))) as { hashExport: Way['hash'] }
  const transcript = (await import(join(root, 'shared/transcript/index.ts'))) as { normaliseTranscript: Way['normalise'] }
  const drafts = (await import(join(root, 'electron/services/drafts/draft-store.ts'))) as { createDraftStore: DraftStoreFactory }
  return {
    readText: text.readJsonText,
    parse: files.parseTranscriptExport,
    hash: hash.hashExport as (data: unknown) => string,
    normalise: transcript.normaliseTranscript,
    saveDraft: (dir, document) => saveWith(drafts.createDraftStore, dir, document)
  }
}

const stages = ['read', 'parse + validate', 'hash', 'IPC out (serialize)', 'IPC in (deserialize)', 'normalise', 'total'] as const
type Stage = (typeof stages)[number]
type Open = Record<Stage, number> & { heap: number; wire: number; hashLater: number; draftBytes: number }

/** One open of `file` the given way; the heap figure is what the renderer holds afterwards (export + model). */
async function open(file: string, way: Way, draftDir: string): Promise<Open> {
  const heap0 = heapNow()
  const out = { heap: 0, wire: 0, hashLater: 0, draftBytes: 0 } as Open
  let t = performance.now()
  const lap = (stage: Stage): void => {
    out[stage] = ms(t)
    t = performance.now()
  }
  let text: string | null = await way.readText(file)
  lap('read')
  let data: unknown = way.parse(text, 'big.json')
  text = null
  lap('parse + validate')
  const exportHash = way.hash(data) ?? 'pending-export-hash:0123456789abcdef01234567'
  lap('hash')
  let wire: Buffer | null = serialize({ origin: 'file', fileName: 'big.json', data, exportHash, draft: null })
  out.wire = wire.length
  lap('IPC out (serialize)')
  // After the reply, in main (the renderer deserialises and normalises meanwhile, in its own process).
  if (way.hashLater) {
    const h = performance.now()
    await way.hashLater(data)
    out.hashLater = ms(h)
    t = performance.now()
  }
  // Main lets go of its copy once the reply is sent.
  data = null
  const received = deserialize(wire) as { data: unknown }
  wire = null
  lap('IPC in (deserialize)')
  const model = way.normalise(received.data)
  lap('normalise')
  out.total = stages.slice(0, -1).reduce((sum, stage) => sum + out[stage], 0)
  out.heap = heapNow() - heap0
  // The first autosave: the model as main receives it over IPC, saved by this way's draft store.
  if (way.saveDraft) out.draftBytes = (await stat(await way.saveDraft(draftDir, deserialize(serialize(model))))).size
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
  const oldWay = oldRoot ? await checkoutWay(resolve(oldRoot)) : inlineOldWay
  const runs = Math.max(1, Number(process.env['BIG_EXPORT_RUNS'] ?? 3))
  try {
    for (const [label, times] of [['2h', 1], ['6h', 3], ['50MB', 20]] as const) {
      const text = JSON.stringify(times === 1 ? base : concatenated(base, times))
      const file = join(dir, `${label}.json`)
      await writeFile(file, text)
      const name = `${label} (${mb(text.length)} MB)`
      const big = label === '50MB'
      // Old then new, interleaved; the median counts, the spread is kept.
      const olds: Open[] = []
      const news: Open[] = []
      for (let k = 0; k < runs; k++) {
        olds.push(await open(file, oldWay, join(dir, 'old-drafts')))
        news.push(await open(file, newWay, join(dir, 'new-drafts')))
      }
      const mine: Record<string, Figure> = {}
      const add = (figure: string, value: number, unit: string, old: number | undefined, target?: number, spread?: readonly number[]): void => {
        const range = spread ? { min: Math.min(...spread), max: Math.max(...spread), runs: spread.length } : {}
        mine[figure] = { value, unit, ...range, ...(old === undefined ? {} : { old }), ...(target === undefined ? {} : { target }) }
        figures[`${name} ${figure}`] = mine[figure]
      }
      for (const stage of stages) {
        const values = news.map((r) => r[stage])
        add(`open: ${stage}`, median(values), 'ms', median(olds.map((r) => r[stage])), big && stage === 'total' ? 2000 : undefined, values)
      }
      const heaps = news.map((r) => mb(r.heap))
      add('open: heap held (renderer: export + model)', median(heaps), 'MB', median(olds.map((r) => mb(r.heap))), big ? 200 : undefined, heaps)
      add('open: IPC reply size', mb(news[0].wire), 'MB', mb(olds[0].wire))
      const later = news.map((r) => r.hashLater)
      add('hash after the reply (main, in slices; off the critical path)', median(later), 'ms', undefined, undefined, later)
      if (news[0].draftBytes > 0) add('draft on disk ÷ export size', Math.round((news[0].draftBytes / text.length) * 100) / 100, '×', olds[0].draftBytes > 0 ? Math.round((olds[0].draftBytes / text.length) * 100) / 100 : undefined)
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
