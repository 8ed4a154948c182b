import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { z } from 'zod'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { transcriptBodySchema, transcriptExportSchema, transcriptSegmentSchema, wordSchema } from '../../shared/api/transcript-export'
import { stripBom, tooDeepAt } from '../../shared/api/parse-export'
import { normaliseTranscript } from '../../shared/transcript'
import { readTranscriptExportFile } from '../../electron/services/files/read-export-file'
import { hashExport } from '../../electron/services/drafts/export-hash'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import type { Figure, Figures } from './stats'

/*
 * Big exports: the 2-hour task, the 6-hour one (×3) and a 50 MB one (×20). For each, where the
 * app's open goes (read + JSON.parse + schema, normalise, hash) with the heap it holds, the old
 * way beside the new in the same process: the old read (readFile as utf8, then the byte order
 * mark check flattening it), the old schema (every word copied by `z.array(wordSchema)`) and the
 * old hash (a sorted copy, stringified). Then the built `sdte export --input … --format srt` as a
 * process: wall time and peak RSS (/usr/bin/time); `SDTE_OLD=<old out/cli/sdte.js>` adds the
 * old build's figures. Targets: 50 MB ≤ 2 s and ≤ 200 MB extra; 6 h ≤ 3× the 2 h on every figure.
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

/** The open as it was: read as utf8 (a stream-decoded rope), flatten, parse, check depth, copy by schema. */
async function oldRead(file: string): Promise<unknown> {
  const json = JSON.parse(stripBom(await readFile(file, 'utf8'))) as unknown
  if (oldTooDeepAt(json) !== null) throw new Error('too deep')
  return oldSchema.parse(json)
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

interface Open {
  read: number
  normalise: number
  hash: number
  total: number
  heap: number
}

/** One open of `file`, old or new way; the heap figure is what the export and model hold afterwards. */
async function open(file: string, old: boolean): Promise<Open> {
  const heap0 = heapNow()
  let t = performance.now()
  const data = (old ? await oldRead(file) : (await readTranscriptExportFile(file)).data) as TranscriptExport
  const read = ms(t)
  t = performance.now()
  const model = normaliseTranscript(data)
  const normalise = ms(t)
  t = performance.now()
  const hash = old ? oldHash(data) : hashExport(data)
  const hashed = ms(t)
  const heap = heapNow() - heap0
  void model
  void hash
  return { read, normalise, hash: hashed, total: read + normalise + hashed, heap }
}

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
  try {
    for (const [label, times] of [['2h', 1], ['6h', 3], ['50MB', 20]] as const) {
      const text = JSON.stringify(times === 1 ? base : concatenated(base, times))
      const file = join(dir, `${label}.json`)
      await writeFile(file, text)
      const name = `${label} (${mb(text.length)} MB)`
      const big = label === '50MB'
      // Old then new, twice each, interleaved; the better of the two runs of each counts.
      const olds: Open[] = []
      const news: Open[] = []
      for (let k = 0; k < 2; k++) {
        olds.push(await open(file, true))
        news.push(await open(file, false))
      }
      const best = (runs: Open[], key: keyof Open): number => Math.min(...runs.map((r) => r[key]))
      const mine: Record<string, Figure> = {}
      const add = (figure: string, value: number, unit: string, old: number | undefined, target?: number): void => {
        mine[figure] = { value, unit, ...(old === undefined ? {} : { old }), ...(target === undefined ? {} : { target }) }
        figures[`${name} ${figure}`] = mine[figure]
      }
      add('open: read + parse + validate', best(news, 'read'), 'ms', best(olds, 'read'))
      add('open: normalise', best(news, 'normalise'), 'ms', best(olds, 'normalise'))
      add('open: hash', best(news, 'hash'), 'ms', best(olds, 'hash'))
      add('open: total', best(news, 'total'), 'ms', best(olds, 'total'), big ? 2000 : undefined)
      add('open: heap held (export + model)', mb(best(news, 'heap')), 'MB', mb(best(olds, 'heap')), big ? 200 : undefined)
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
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.target === undefined ? '' : ` (target ≤ ${f.target})`}${f.old === undefined ? '' : ` (old way ${f.old} ${f.unit})`}`)
}
