import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDraftStore } from '../../electron/services/drafts/draft-store'
import { hashExport } from '../../electron/services/drafts/export-hash'
import { run as runAutosave } from './draft-autosave'

/*
 * Cost of one autosave and of reopening a draft for a 2-hour task (the size of the 2-hour
 * fixture: 838 segments, 14,901 words, each word with its API source as the model keeps it):
 * atomic save (serialise, write, fsync, rename, fsync folder), load, and hashing the export.
 */

const runs = 20

type Figures = Record<string, { value: number; unit: string; median?: number; p95?: number; runs?: number }>

/** A model-shaped document as large as the 2-hour fixture. */
function twoHourDocument(): { document: unknown; exportJson: unknown } {
  const segments = []
  const apiSegments = []
  let word = 0
  for (let s = 0; s < 838; s++) {
    const count = s < 657 ? 18 : 17 // 657·18 + 181·17 = 14,903 ≈ 14,901
    const startMs = s * 8600
    const words = []
    const apiWords = []
    for (let w = 0; w < count && word < 14_901; w++, word++) {
      const text = `word${word % 977}`
      const wStart = startMs + w * 450
      const source = { displayText: text, offsetInSeconds: wStart / 1000, durationInSeconds: 0.4, confidence: 0.93 }
      apiWords.push(source)
      words.push({ id: `w${word}`, text, startMs: wStart, endMs: wStart + 400, confidence: 0.93, estimated: false, source })
    }
    const source = { speakerId: `S${s % 4}`, start: startMs / 1000, end: (startMs + 8500) / 1000, displayText: words.map((w) => w.text).join(' '), displayWords: apiWords, originalWords: apiWords }
    apiSegments.push(source)
    segments.push({ id: `s${s}`, speakerId: `S${s % 4}`, startMs, endMs: startMs + 8500, words, reviewed: s % 3 === 0, source })
  }
  const exportJson = { taskId: 1, originalFileUrl: null, transcripts: apiSegments, speakers: [0, 1, 2, 3].map((i) => ({ id: `S${i}`, name: `Speaker ${i + 1}` })) }
  return { document: { taskId: 1, segments, exported: exportJson }, exportJson }
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-drafts-'))
  try {
    const { document, exportJson } = twoHourDocument()
    const store = createDraftStore({ dir, now: Date.now })
    const save: number[] = []
    const load: number[] = []
    const hash: number[] = []
    for (let i = 0; i < runs; i++) {
      let t = performance.now()
      await store.save(1, 'h', document, { undo: i })
      save.push(performance.now() - t)
      t = performance.now()
      await store.load(1)
      load.push(performance.now() - t)
      t = performance.now()
      hashExport(exportJson)
      hash.push(performance.now() - t)
    }
    const size = (await stat(store.pathOf(1))).size
    return {
      [`2h draft (${(size / 1024 / 1024).toFixed(1)} MB): atomic save`]: summary(save),
      '2h draft: load': summary(load),
      '2h export: hashExport': summary(hash),
      // Autosave after a keystroke, old (whole model) against new (patch), 2 and 6 hours.
      ...(await runAutosave())
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function summary(values: number[]): Figures[string] {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!
  return { value: round(median), unit: 'ms', median: round(median), p95: round(p95), runs: values.length }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs}, p95 ${f.p95})` : ''}`)
}
