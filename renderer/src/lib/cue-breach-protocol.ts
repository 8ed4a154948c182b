// Straight from the signal's module, not the queue's index: the worker bundle stays the cutter alone.
import { cueBreachSpans } from '../../../shared/review/queue/signals/cue-breach'
import type { CueBreachSpan } from '../../../shared/review/queue/types'
import type { Language } from '../../../shared/subtitles'
import type { CueDecision } from '../../../shared/transcript/cue-decisions'
import type { Segment, Speaker, TranscriptModel, Word } from '../../../shared/transcript'

/*
 * The message protocol of the cue-breach worker (cue-breach.worker.ts): the review queue's
 * whole-task subtitle cut runs there, off the page's thread (issue 21).
 *
 * The model is not posted as it is: it carries the export as loaded and every word's API object,
 * and cloning those for postMessage is itself a long task at 2 hours (the autosave copy of the
 * same model measured 78–84 ms). The cutter reads only each word's id, text and times, each
 * segment's speaker, the speakers and the cue decisions, so that is what is posted, as columns
 * (two long strings and transferable typed arrays) rather than tens of thousands of objects.
 */

/** The transcript as the subtitle cutter reads it, in columns (plain data: structured-cloneable). */
export interface CueInput {
  readonly taskId: number
  readonly durationMs: number
  /** Each segment's speaker id. */
  readonly segmentSpeakers: string[]
  /** How many words each segment has (the words of all segments are in the columns below, in order). */
  readonly segmentWordCounts: Uint32Array
  /** Every word's id, end to end (one string clones as one copy; thousands of strings do not). */
  readonly wordIds: string
  /** Every word's text, end to end. */
  readonly wordTexts: string
  /** Each word's id length and text length, two numbers per word (where the strings above are cut). */
  readonly wordLengths: Uint32Array
  /** Start and end of each word, two numbers per word, in ms. */
  readonly wordTimes: Float64Array
  readonly speakers: Pick<Speaker, 'id' | 'name' | 'prefix' | 'suffix' | 'placeholder'>[]
  readonly cueDecisions: CueDecision[]
}

/** What the page asks the worker: the cue breaches of `input` under the export's preset and language. */
export interface CueBreachRequest {
  /** Grows with every request: an answer to an older one is stale. */
  readonly seq: number
  readonly input: CueInput
  readonly options: { readonly preset: string; readonly language: Language }
}

/** The worker's answer to request `seq`. */
export interface CueBreachReply {
  readonly seq: number
  readonly spans: CueBreachSpan[]
}

/** A model holding just what `packCueInput` kept: enough for the subtitle cutter, nothing to export. */
export function unpackCueInput(input: CueInput): TranscriptModel {
  const segments: Segment[] = []
  let k = 0
  let idAt = 0
  let textAt = 0
  input.segmentSpeakers.forEach((speakerId, i) => {
    const words: Word[] = []
    for (let n = input.segmentWordCounts[i]; n > 0; n--, k++) {
      const id = input.wordIds.slice(idAt, (idAt += input.wordLengths[2 * k]))
      const text = input.wordTexts.slice(textAt, (textAt += input.wordLengths[2 * k + 1]))
      words.push({ id, text, startMs: input.wordTimes[2 * k], endMs: input.wordTimes[2 * k + 1], confidence: null, estimated: false })
    }
    const startMs = words.length ? words[0].startMs : 0
    segments.push({ id: `s${i}`, speakerId, startMs, endMs: words.length ? words[words.length - 1].endMs : startMs, words, reviewed: false })
  })
  return {
    taskId: input.taskId,
    source: { taskId: input.taskId },
    timeUnit: 'seconds',
    confidenceScale: 1,
    durationMs: input.durationMs,
    segments,
    speakers: input.speakers,
    annotations: [],
    issues: [],
    cueDecisions: input.cueDecisions
  }
}

/** The cue breaches of `model`, or none for a task the subtitle engine cannot cut (no words). */
export function cueBreachesOf(model: TranscriptModel, options: CueBreachRequest['options']): CueBreachSpan[] {
  try {
    return cueBreachSpans(model, options)
  } catch {
    return []
  }
}

/** The worker's handler: unpacks the request, cuts the cues and answers the breach spans. */
export function answerCueBreachRequest(request: CueBreachRequest): CueBreachReply {
  return { seq: request.seq, spans: cueBreachesOf(unpackCueInput(request.input), request.options) }
}
