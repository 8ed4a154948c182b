import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import { tooDeepAt } from '../../shared/api/parse-export'
import { normaliseTranscript } from '../../shared/transcript'
import { readTranscriptExportFile } from '../../electron/services/files/read-export-file'
import { hashExport } from '../../electron/services/drafts/export-hash'
import { convertRealFixture } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import type { Figures } from './stats'

/*
 * Big exports: the 2-hour task, the 6-hour one (×3) and a 50 MB one (×20). For each, where the
 * app's open goes (read + JSON.parse + schema, normalise, hash) with the heap it adds, and the
 * built `sdte export --input … --format srt` as a process: wall time and peak RSS (/usr/bin/time).
 * Old against new where the old way can still run in the same process: the depth check that
 * guards every parse (path string per value, the old way, against the allocation-free walk).
 * Targets: 50 MB ≤ 2 s and ≤ 200 MB extra; 6 h ≤ 3× the 2 h on every figure.
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

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const base = convertRealFixture('senate-hearing-2h.dpe.json') as unknown as TranscriptExport
  const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-big-'))
  const figures: Figures = {}
  try {
    for (const [label, times] of [['2h', 1], ['6h', 3], ['50MB', 20]] as const) {
      const text = JSON.stringify(times === 1 ? base : concatenated(base, times))
      const file = join(dir, `${label}.json`)
      await writeFile(file, text)
      const name = `${label} (${mb(text.length)} MB)`
      global.gc?.()
      const heap0 = process.memoryUsage().heapUsed
      let t = performance.now()
      const { data } = await readTranscriptExportFile(file)
      figures[`${name} open: read + parse + validate`] = { value: ms(t), unit: 'ms' }
      t = performance.now()
      const model = normaliseTranscript(data)
      figures[`${name} open: normalise`] = { value: ms(t), unit: 'ms' }
      t = performance.now()
      hashExport(data)
      figures[`${name} open: hash`] = { value: ms(t), unit: 'ms' }
      figures[`${name} open: heap held (export + model)`] = { value: mb(process.memoryUsage().heapUsed - heap0), unit: 'MB' }
      t = performance.now()
      oldTooDeepAt(data)
      const oldDepth = ms(t)
      t = performance.now()
      tooDeepAt(data)
      figures[`${name} depth check: old ${oldDepth} ms → new`] = { value: ms(t), unit: 'ms' }
      void model
      if (existsSync(sdte) && existsSync('/usr/bin/time')) {
        t = performance.now()
        const out = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, sdte, 'export', '--input', file, '--format', 'srt', '--out', join(dir, `${label}.srt`)], { encoding: 'utf8' })
        const wall = ms(t)
        const rss = Number(out.stderr.trim().split('\n').pop()) * 1024
        figures[`${name} sdte export srt: wall`] = { value: wall, unit: 'ms' }
        figures[`${name} sdte export srt: peak RSS`] = { value: mb(rss), unit: 'MB' }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}`)
}
