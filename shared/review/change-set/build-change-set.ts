import type { ApiWord } from '../../api/transcript-export'
import type { Annotation, Segment, TranscriptModel, Word } from '../../transcript/model'
import { normaliseTranscript } from '../../transcript/normalise'
import { originalWordsOf } from '../../transcript/edit-text'
import { secondsToMs } from '../../transcript/units'
import { wordKey, wordsText } from '../../transcript/text'
import { alignWords } from './align-words'
import { changeSetSchemaName, changeSetVersion, type ChangeSet, type WerFigures, type WordDifference } from './schema'

/*
 * The change set of a reviewed transcript: what the reviewer changed relative to the
 * recogniser (word-level, with WER) and relative to the task as loaded (speakers, segment
 * times, annotations), plus the session facts the caller tracks. Pure: the clock, coverage and
 * time spent come in as options (`null`/absent = "not tracked").
 */

/** How words are compared, as written into every change set. */
export const normalisationText = 'Unicode lower case; only letters and digits kept (punctuation, symbols and apostrophes removed); tokens left empty (punctuation alone) are not words'

/** A segment boundary that moved less than this is not "retimed" (a nudge of a frame or two). */
export const defaultRetimeToleranceMs = 50

/** What the caller knows besides the model. */
export interface ChangeSetOptions {
  /** Audio heard, in ms (audio coverage); absent = not tracked. */
  readonly heardMs?: number | null
  /** Time spent reviewing, in ms; absent = not tracked. */
  readonly timeSpentMs?: number | null
  /** The reason given for finishing with open items. */
  readonly finishReason?: string | null
  /** ISO-8601 time of making the change set (the caller's clock). */
  readonly createdAt?: string | null
  readonly retimeToleranceMs?: number
  /** The model as loaded; normalised again from `model.source` when absent. */
  readonly loaded?: TranscriptModel
}

interface Placed {
  /** The comparison key (wordKey), also the alignment's. */
  readonly key: string
  readonly text: string
  readonly startMs: number | null
  readonly endMs: number | null
  readonly speakerId: string
  readonly segmentId: string
}

const emptyWer = (): { s: number; d: number; i: number; n: number; h: number } => ({ s: 0, d: 0, i: 0, n: 0, h: 0 })

function figures(c: { s: number; d: number; i: number; n: number; h: number }): WerFigures {
  return { substitutions: c.s, deletions: c.d, insertions: c.i, referenceWords: c.n, recognisedWords: c.h, wer: c.n === 0 ? null : (c.s + c.d + c.i) / c.n }
}

function reviewedTokens(segments: readonly Segment[]): Placed[] {
  const out: Placed[] = []
  for (const seg of segments) {
    for (const w of seg.words) {
      const key = wordKey(w.text)
      if (key !== '') out.push({ key, text: w.text, startMs: w.startMs, endMs: w.endMs, speakerId: seg.speakerId, segmentId: seg.id })
    }
  }
  return out
}

function recognisedTokens(segments: readonly Segment[]): { tokens: Placed[]; any: boolean } {
  const out: Placed[] = []
  let any = false
  for (const seg of segments) {
    const orig: readonly ApiWord[] | null = originalWordsOf(seg)
    if (orig === null) continue
    any = true
    for (const w of orig) {
      const text = w.text ?? ''
      const key = wordKey(text)
      if (key === '') continue
      const startMs = typeof w.offsetInSeconds === 'number' ? secondsToMs(w.offsetInSeconds) : null
      const endMs = startMs !== null && typeof w.durationInSeconds === 'number' ? startMs + secondsToMs(w.durationInSeconds) : startMs
      out.push({ key, text, startMs, endMs, speakerId: seg.speakerId, segmentId: seg.id })
    }
  }
  return { tokens: out, any }
}

/**
 * The recogniser's words as the export has them (a deleted segment's words still count: the
 * reviewed text lacks them), each placed in the segment that carries it now when there is one.
 */
function hypothesis(model: TranscriptModel, loaded: TranscriptModel): { tokens: Placed[]; any: boolean } {
  const { tokens, any } = recognisedTokens(loaded.segments)
  const placed = new Map<string, Placed[]>()
  for (const t of recognisedTokens(model.segments).tokens) {
    const k = `${t.startMs}|${t.text}`
    const list = placed.get(k)
    if (list) list.push(t)
    else placed.set(k, [t])
  }
  return {
    any,
    tokens: tokens.map((t) => {
      const now = placed.get(`${t.startMs}|${t.text}`)?.shift()
      return now ? { ...t, speakerId: now.speakerId, segmentId: now.segmentId } : t
    })
  }
}

/** Word differences and WER (overall and per speaker, by the speaker the word is under now). */
function wordDifferences(model: TranscriptModel, loaded: TranscriptModel): { words: WordDifference[]; overall: WerFigures; bySpeaker: ChangeSet['wer']['bySpeaker']; any: boolean } {
  const ref = reviewedTokens(model.segments)
  const { tokens: hyp, any } = hypothesis(model, loaded)
  const overall = emptyWer()
  const per = new Map<string, ReturnType<typeof emptyWer>>()
  const of = (speakerId: string) => {
    let c = per.get(speakerId)
    if (!c) per.set(speakerId, (c = emptyWer()))
    return c
  }
  for (const r of ref) of(r.speakerId).n++
  for (const h of hyp) of(h.speakerId).h++
  overall.n = ref.length
  overall.h = hyp.length
  const words: WordDifference[] = []
  if (any) {
    for (const step of alignWords(ref, hyp)) {
      if (step.op === 'match') continue
      if (step.op === 'insertion') {
        const h = hyp[step.hyp]
        overall.i++
        of(h.speakerId).i++
        words.push({ kind: 'insertion', startMs: h.startMs, endMs: h.endMs, speakerId: h.speakerId, segmentId: h.segmentId, recognised: h.text, reviewed: null })
        continue
      }
      const r = ref[step.ref]
      if (step.op === 'deletion') {
        overall.d++
        of(r.speakerId).d++
        words.push({ kind: 'deletion', startMs: r.startMs, endMs: r.endMs, speakerId: r.speakerId, segmentId: r.segmentId, recognised: null, reviewed: r.text })
      } else {
        overall.s++
        of(r.speakerId).s++
        words.push({ kind: 'substitution', startMs: r.startMs, endMs: r.endMs, speakerId: r.speakerId, segmentId: r.segmentId, recognised: hyp[step.hyp].text, reviewed: r.text })
      }
    }
  }
  const bySpeaker = [...per].map(([speakerId, c]) => ({ speakerId, ...figures(c), ...(any ? {} : { wer: null }) }))
  return { words, overall: any ? figures(overall) : { ...figures(overall), wer: null }, bySpeaker, any }
}

/** Runs of words (by id) now under another speaker than in the loaded model. */
function speakerReassignments(loaded: TranscriptModel, current: TranscriptModel): ChangeSet['speakerReassignments'] {
  const speakerOf = new Map<string, string>()
  const loadedSegs = new Map<string, Segment>()
  for (const s of loaded.segments) {
    loadedSegs.set(s.id, s)
    for (const w of s.words) speakerOf.set(w.id, s.speakerId)
  }
  const out: ChangeSet['speakerReassignments'] = []
  for (const seg of current.segments) {
    let run: Word[] = []
    let from = ''
    // Words typed since loading have no speaker to come from: inside a run they stay in it.
    let typed: Word[] = []
    const flush = () => {
      if (run.length) out.push({ segmentId: seg.id, startMs: run[0].startMs, endMs: run[run.length - 1].endMs, fromSpeakerId: from, toSpeakerId: seg.speakerId, words: run.length, text: wordsText(run) })
      run = []
      typed = []
    }
    for (const w of seg.words) {
      const was = speakerOf.get(w.id)
      if (was === undefined) {
        if (run.length) typed.push(w)
        continue
      }
      if (was === seg.speakerId || (run.length && was !== from)) flush()
      if (was !== seg.speakerId) {
        from = was
        run.push(...typed, w)
      }
      typed = []
    }
    flush()
    // A segment with no words still counts when its own speaker changed.
    const before = loadedSegs.get(seg.id)
    if (seg.words.length === 0 && before && before.speakerId !== seg.speakerId) {
      out.push({ segmentId: seg.id, startMs: seg.startMs, endMs: seg.endMs, fromSpeakerId: before.speakerId, toSpeakerId: seg.speakerId, words: 0, text: '' })
    }
  }
  return out
}

function retimedSegments(loaded: TranscriptModel, current: TranscriptModel, tolerance: number): ChangeSet['retimedSegments'] {
  const before = new Map(loaded.segments.map((s) => [s.id, s]))
  const out: ChangeSet['retimedSegments'] = []
  for (const seg of current.segments) {
    const was = before.get(seg.id)
    if (!was || (Math.abs(was.startMs - seg.startMs) <= tolerance && Math.abs(was.endMs - seg.endMs) <= tolerance)) continue
    out.push({ segmentId: seg.id, speakerId: seg.speakerId, before: { startMs: was.startMs, endMs: was.endMs }, after: { startMs: seg.startMs, endMs: seg.endMs } })
  }
  return out
}

function annotationChanges(loaded: TranscriptModel, current: TranscriptModel, tolerance: number): ChangeSet['annotations'] {
  const state = (a: Annotation) => ({ content: a.content, startMs: a.startMs, endMs: a.endMs })
  const before = new Map(loaded.annotations.map((a) => [a.id, a]))
  const now = new Set(current.annotations.map((a) => a.id))
  const out: ChangeSet['annotations'] = []
  for (const a of current.annotations) {
    const was = before.get(a.id)
    if (!was) out.push({ change: 'added', annotationId: a.id, before: null, after: state(a) })
    else if (was.content !== a.content || Math.abs(was.startMs - a.startMs) > tolerance || Math.abs(was.endMs - a.endMs) > tolerance) {
      out.push({ change: 'changed', annotationId: a.id, before: state(was), after: state(a) })
    }
  }
  for (const a of loaded.annotations) if (!now.has(a.id)) out.push({ change: 'removed', annotationId: a.id, before: state(a), after: null })
  return out
}

const whole = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.round(x) : null)

/** The change set of `model` (the reviewed transcript); see docs/change-set.md. */
export function buildChangeSet(model: TranscriptModel, options: ChangeSetOptions = {}): ChangeSet {
  const tolerance = options.retimeToleranceMs ?? defaultRetimeToleranceMs
  const loaded = options.loaded ?? normaliseTranscript(model.source)
  const diff = wordDifferences(model, loaded)
  const heardMs = whole(options.heardMs)
  const durationMs = Math.max(0, Math.round(model.durationMs))
  const reason = options.finishReason?.trim()
  return {
    schema: changeSetSchemaName,
    version: changeSetVersion,
    taskId: model.taskId,
    displayName: model.source?.displayName ?? null,
    createdAt: options.createdAt ?? null,
    reference: 'reviewed',
    normalisation: normalisationText,
    recogniserWords: diff.any,
    retimeToleranceMs: tolerance,
    speakers: model.speakers.map((s) => ({ speakerId: s.id, name: [s.prefix, s.name, s.suffix].filter((p) => p).join(' ') })),
    wer: { overall: diff.overall, bySpeaker: diff.bySpeaker },
    words: diff.words,
    speakerReassignments: speakerReassignments(loaded, model),
    retimedSegments: retimedSegments(loaded, model, tolerance),
    annotations: annotationChanges(loaded, model, tolerance),
    review: {
      durationMs,
      heardMs,
      heardPercent: heardMs === null || durationMs === 0 ? null : Math.min(100, Math.round((heardMs * 1000) / durationMs) / 10),
      timeSpentMs: whole(options.timeSpentMs),
      finishReason: reason ? reason : null
    }
  }
}
