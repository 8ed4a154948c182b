import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocumentedTranscriptExport as TranscriptExport } from '../../shared/api/transcript-export'
import type { TranscriptModel } from '../../shared/transcript'
import { commit, createHistory, normaliseTranscript, replaceText, segmentText, setSegmentText, setSpeaker, splitSegment, toTranscriptExport } from '../../shared/transcript'
import { convertRealFixture } from '../fixtures/real-to-export'
import { summarise, timeRuns } from './stats'
import type { Figure, Figures } from './stats'

/*
 * The transcript model on the realistic long task: normalising the 2-hour hearing (838
 * segments, 14,901 words) and a 6-hour one (the same, three times, shifted), and the cost of
 * one typical edit on the 2-hour model (target: under 2 ms median).
 */


const editRuns = 300

/** The 2-hour export repeated `times` times back to back (times shifted, speakers shared). */
export function concatenated(base: TranscriptExport, times: number): TranscriptExport {
  const length = base.totalTimeInSeconds ?? 0
  const segs = base.transcript.transcripts ?? []
  const transcripts = []
  for (let k = 0; k < times; k++) {
    const shift = k * length
    for (const s of segs) {
      // Times may be null in the schema (a word or segment without one); the fixture has none such.
      const move = <W extends { offsetInSeconds?: number | null }>(w: W): W => ({ ...w, offsetInSeconds: Math.round(((w.offsetInSeconds ?? 0) + shift) * 1000) / 1000 })
      transcripts.push({
        ...s,
        start: Math.round(((s.start ?? 0) + shift) * 1000) / 1000,
        end: Math.round(((s.end ?? 0) + shift) * 1000) / 1000,
        displayWords: s.displayWords?.map(move) ?? null,
        originalWords: s.originalWords?.map(move) ?? null
      })
    }
  }
  return { ...base, totalTimeInSeconds: length * times, transcript: { ...base.transcript, transcripts } }
}

const summary = (values: number[]): Figure => summarise(values, 3)

/** Segments with at least 3 words, so every run can edit a different one. */
function editable(m: TranscriptModel): number[] {
  return m.segments.map((s, k) => (s.words.length >= 3 ? k : -1)).filter((k) => k >= 0)
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const two = convertRealFixture('senate-hearing-2h.dpe.json')
  const six = concatenated(two, 3)
  // Warm up the JIT on the real path before measuring.
  for (let i = 0; i < 3; i++) normaliseTranscript(two)
  const normalise2h = timeRuns(15, () => normaliseTranscript(two))
  const normalise6h = timeRuns(7, () => normaliseTranscript(six))

  const m = normaliseTranscript(two)
  const targets = editable(m)
  const seg = (i: number) => m.segments[targets[(i * 37) % targets.length]]
  const other = 'bench-other'
  const withOther: TranscriptModel = { ...m, speakers: [...m.speakers, { id: other, name: 'Other', prefix: '', suffix: '', placeholder: false }] }
  for (let i = 0; i < 50; i++) replaceText(m, { segmentId: seg(i).id, offset: 0 }, { segmentId: seg(i).id, offset: seg(i).words[0].text.length }, 'Word')

  const replaceOne = timeRuns(editRuns, (i) => {
    const s = seg(i)
    replaceText(m, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: s.words[0].text.length }, 'Replaced')
  })
  const typeChar = timeRuns(editRuns, (i) => {
    const s = seg(i)
    setSegmentText(m, s.id, segmentText(s) + 's')
  })
  const split = timeRuns(editRuns, (i) => splitSegment(m, seg(i).id, { wordIndex: 1 }))
  const speaker = timeRuns(editRuns, (i) => setSpeaker(withOther, { segmentId: seg(i).id }, other))
  const speakerRange = timeRuns(editRuns, (i) => {
    const s = seg(i)
    setSpeaker(withOther, { from: { segmentId: s.id, wordIndex: 1 }, to: { segmentId: s.id, wordIndex: 1 } }, other)
  })
  let h = createHistory(m)
  const withHistory = timeRuns(editRuns, (i) => {
    const s = h.present.segments[targets[(i * 37) % targets.length]]
    h = commit(h, replaceText(h.present, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: s.words[0].text.length }, `W${i}`), { kind: 'edit' })
  })
  const exportEdited = timeRuns(20, () => toTranscriptExport(h.present))

  return {
    'normalise 2h (838 segments, 14,901 words)': summary(normalise2h),
    'normalise 6h (2,514 segments, 44,703 words)': summary(normalise6h),
    'edit 2h: replaceText one word': summary(replaceOne),
    'edit 2h: setSegmentText (one keystroke)': summary(typeChar),
    'edit 2h: splitSegment': summary(split),
    'edit 2h: setSpeaker (segment)': summary(speaker),
    'edit 2h: setSpeaker (one word, splits in three)': summary(speakerRange),
    'edit 2h: replaceText + history commit (300 deep)': summary(withHistory),
    'toTranscriptExport 2h after 300 edits': summary(exportEdited)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: median ${f.median} ms, p95 ${f.p95} ms (${f.runs} runs)`)
}
