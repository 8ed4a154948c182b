import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { inUnit, type Unit } from './doc-exports'

/*
 * The real recogniser outputs in /work/shared/fixtures/real turned into transcript exports a
 * second way, independent of test/fixtures/real-to-export.ts and deliberately different from it
 * wherever the documents allow:
 *
 *  - dpe: consecutive paragraphs of the same speaker are ONE turn (the 2-hour hearing, one
 *    speaker, becomes a single 14,901-word segment); a word belongs to the paragraph it starts
 *    in; empty-text words stay in displayWords; displayText is the words joined as they come
 *    (so empty words leave double spaces); speakerIds are the dpe labels, not GUIDs.
 *  - Amazon Transcribe: one turn per speaker-label segment; punctuation items become timed
 *    displayWords of zero duration at the end of the word before (and "0.0" confidence), the
 *    displayText attaches them to that word.
 *  - Speechmatics: turns from the speaker list; punctuation stays its own word in displayText
 *    too ("day ." rather than "day.").
 *
 * Variants on top: the segment/annotation unit (seconds, integer ms, integer ticks), 0..100
 * integer confidences, a sparse form (no displayText, no speakers, no originalWords, nulls), and
 * an "original words only" form (empty displayWords, timed originalWords).
 */

export const realNames = [
  'kate-darling-ted.dpe.json',
  'soleio-interview.dpe.json',
  'senate-hearing-2h.dpe.json',
  'today-in-focus.amazon-transcribe.json',
  'ted-talk.speechmatics.json'
] as const

export type RealName = (typeof realNames)[number]

export interface ShapeOptions {
  unit?: Unit
  confidenceScale?: 1 | 100
  sparse?: boolean
  originalOnly?: boolean
}

interface W {
  text: string
  start: number
  end: number
  conf: number | null
}
interface Turn {
  speaker: string
  start: number
  end: number
  words: W[]
  text: string
}

function sharedFixtures(): string {
  return join(process.env.SDTE_SHARED_DIR ? resolve(process.env.SDTE_SHARED_DIR) : resolve(import.meta.dirname, '../../../../shared'), 'fixtures', 'real')
}

const cache = new Map<string, unknown>()
function raw(name: string): unknown {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(sharedFixtures(), name), 'utf8')))
  return cache.get(name)
}

function dpe(name: string): { turns: Turn[]; duration: number } {
  const d = raw(name) as { words: Array<{ start: number; end: number; text: string }>; paragraphs: Array<{ start: number; end: number; speaker: string }> }
  const turns: Turn[] = []
  let p = 0
  let current: Turn | null = null
  for (const w of d.words) {
    while (p + 1 < d.paragraphs.length && w.start >= d.paragraphs[p].end) p++
    const para = d.paragraphs[p]
    if (!current || current.speaker !== para.speaker) {
      current = { speaker: para.speaker, start: Math.min(para.start, w.start), end: para.end, words: [], text: '' }
      turns.push(current)
    }
    current.end = Math.max(current.end, para.end, w.end)
    current.words.push({ text: w.text, start: w.start, end: w.end, conf: null })
  }
  for (const t of turns) t.text = t.words.map((w) => w.text).join(' ')
  return { turns, duration: Math.max(...d.words.map((w) => w.end)) }
}

function amazon(): { turns: Turn[]; duration: number } {
  const d = raw('today-in-focus.amazon-transcribe.json') as {
    results: {
      items: Array<{ start_time?: string; end_time?: string; type: string; alternatives: Array<{ confidence: string; content: string }> }>
      speaker_labels: { segments: Array<{ start_time: string; end_time: string; speaker_label: string }> }
    }
  }
  const segs = d.results.speaker_labels.segments
  const turns: Turn[] = []
  let current: Turn | null = null
  let segIndex = -1
  const tokens: string[][] = []
  for (const item of d.results.items) {
    const alt = item.alternatives[0]
    if (item.type === 'punctuation') {
      if (!current) continue
      const prev = current.words[current.words.length - 1]
      current.words.push({ text: alt.content, start: prev.end, end: prev.end, conf: Number(alt.confidence) })
      const t = tokens[tokens.length - 1]
      t[t.length - 1] += alt.content
      continue
    }
    const start = Number(item.start_time)
    let s = segs.findIndex((g) => start >= Number(g.start_time) && start < Number(g.end_time))
    if (s < 0) s = segIndex
    if (!current || s !== segIndex) {
      const g = segs[s]
      current = { speaker: g?.speaker_label ?? 'spk_0', start: g ? Number(g.start_time) : start, end: g ? Number(g.end_time) : start, words: [], text: '' }
      turns.push(current)
      tokens.push([])
      segIndex = s
    }
    const end = Number(item.end_time)
    current.end = Math.max(current.end, end)
    current.words.push({ text: alt.content, start, end, conf: Number(alt.confidence) })
    tokens[tokens.length - 1].push(alt.content)
  }
  turns.forEach((t, k) => (t.text = tokens[k].join(' ')))
  return { turns, duration: Math.max(...turns.map((t) => t.end)) }
}

function speechmatics(): { turns: Turn[]; duration: number } {
  const d = raw('ted-talk.speechmatics.json') as {
    job: { duration: number }
    speakers: Array<{ name: string; time: string; duration: string }>
    words: Array<{ name: string; time: string; duration: string; confidence: string | null }>
  }
  const turns: Turn[] = d.speakers.map((s) => ({ speaker: s.name, start: Number(s.time), end: Number(s.time) + Number(s.duration), words: [], text: '' }))
  let t = 0
  for (const w of d.words) {
    const start = Number(w.time)
    while (t + 1 < turns.length && start >= turns[t + 1].start) t++
    turns[t].words.push({ text: w.name, start, end: start + Number(w.duration), conf: w.confidence === null ? null : Number(w.confidence) })
  }
  const kept = turns.filter((x) => x.words.length > 0)
  for (const x of kept) {
    x.text = x.words.map((w) => w.text).join(' ')
    x.end = Math.max(x.end, ...x.words.map((w) => w.end))
  }
  return { turns: kept, duration: d.job.duration }
}

function read(name: RealName): { turns: Turn[]; duration: number } {
  if (name.endsWith('.dpe.json')) return dpe(name)
  if (name.startsWith('today')) return amazon()
  return speechmatics()
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

/** The real sample as a transcript export in another shape (see the file comment). */
export function otherShape(name: RealName, options: ShapeOptions = {}): Record<string, unknown> {
  const unit = options.unit ?? 'seconds'
  const scale = options.confidenceScale ?? 1
  const { turns, duration } = read(name)
  const conf = (c: number | null, j: number): number => {
    const v = c ?? 0.7 + (j % 30) / 100
    return scale === 100 ? Math.round(v * 100) : r3(v)
  }
  const transcripts = turns.map((turn) => {
    const words = turn.words.map((w, j) => {
      const word: Record<string, unknown> = { text: w.text, offsetInSeconds: r3(w.start), durationInSeconds: r3(Math.max(0, w.end - w.start)) }
      if (!options.sparse) word.confidence = conf(w.conf, j)
      return word
    })
    const seg: Record<string, unknown> = {
      speakerId: turn.speaker,
      start: inUnit(r3(turn.start), unit),
      end: inUnit(r3(turn.end), unit),
      duration: inUnit(r3(turn.end), unit) - inUnit(r3(turn.start), unit),
      confidence: conf(null, 3),
      displayText: turn.text,
      displayWords: words,
      originalWords: words
    }
    if (options.sparse) {
      seg.displayText = null
      seg.confidence = null
      delete seg.originalWords
      delete seg.duration
    }
    if (options.originalOnly) seg.displayWords = []
    return seg
  })
  const speakerIds = [...new Set(turns.map((t) => t.speaker))]
  const transcript: Record<string, unknown> = { transcripts }
  if (!options.sparse) {
    transcript.speakers = speakerIds.map((id) => ({ speakerId: id, speakerName: id, speakerPrefix: null, speakerSuffix: null }))
    transcript.annotations = [{ uniqueId: 'x-1', content: 'music', start: inUnit(1, unit), end: inUnit(2, unit), createdByUserName: null, createdBy: 0, createdOn: '2024-01-02T03:04:05.1234567', modifiedByUserName: null, modifiedBy: 0, modifiedOn: '2024-01-02T03:04:05.1234567Z' }]
  }
  return {
    taskId: 7000 + realNames.indexOf(name),
    originalFileUrl: null,
    workspaceId: 1,
    batchId: null,
    taskNumber: null,
    displayName: name,
    description: null,
    totalTimeInSeconds: options.sparse ? null : Math.ceil(duration),
    lastCheckoutByUserName: null,
    lastCheckedOutBy: null,
    lastCheckedOutUntil: null,
    lastIntegratedBy: null,
    lastIntegratedByUserName: null,
    lastIntegratedOn: null,
    transcript,
    metadata: {}
  }
}

/**
 * The words a reader must find in any export of this body, in order: the displayText tokens of
 * each segment (or, without displayText, the texts of its timed words), segments in time order.
 */
export function expectedTokens(body: Record<string, unknown>): string[] {
  const segs = ((body.transcript as { transcripts: Array<Record<string, unknown>> }).transcripts ?? []).map((s, k) => ({ s, k }))
  segs.sort((a, b) => (a.s.start as number) - (b.s.start as number) || a.k - b.k)
  const out: string[] = []
  for (const { s } of segs) {
    const text = typeof s.displayText === 'string' && s.displayText.trim() !== ''
      ? s.displayText
      : ((s.displayWords as Array<{ text: string }> | undefined)?.length ? (s.displayWords as Array<{ text: string }>) : ((s.originalWords as Array<{ text: string }> | undefined) ?? [])).map((w) => w.text).join(' ')
    out.push(...text.split(/\s+/).filter(Boolean))
  }
  return out
}
