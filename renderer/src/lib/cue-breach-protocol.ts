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
  /**
   * 0: the columns hold every segment. Else the seq of the request whose model this one patches
   * (the worker's last): its first `keepHead` and last `keepTail` segments are kept and the
   * columns hold the segments between them, so an edit posts its own segments, not the task.
   */
  readonly baseSeq: number
  readonly keepHead: number
  readonly keepTail: number
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

/** The segments packed in `input`'s columns, given ids from `firstId` on (the cutter only needs them distinct). */
function unpackSegments(input: CueInput, firstId: number): Segment[] {
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
    segments.push({ id: `s${firstId + i}`, speakerId, startMs, endMs: words.length ? words[words.length - 1].endMs : startMs, words, reviewed: false })
  })
  return segments
}

function modelOf(input: CueInput, segments: Segment[]): TranscriptModel {
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

/** A model holding just what a whole `packCueInput` kept: enough for the subtitle cutter, nothing to export. */
export function unpackCueInput(input: CueInput): TranscriptModel {
  if (input.baseSeq !== 0) throw new Error('unpackCueInput: a patch needs the model it patches (cueBreachAnswerer)')
  return modelOf(input, unpackSegments(input, 0))
}

/** The cue breaches of `model`, or none for a task the subtitle engine cannot cut (no words). */
export function cueBreachesOf(model: TranscriptModel, options: CueBreachRequest['options']): CueBreachSpan[] {
  try {
    return cueBreachSpans(model, options)
  } catch {
    return []
  }
}

/** Answers one request that carries its whole model (no state: a patch is refused). */
export function answerCueBreachRequest(request: CueBreachRequest): CueBreachReply {
  return { seq: request.seq, spans: cueBreachesOf(unpackCueInput(request.input), request.options) }
}

/**
 * The worker's handler: keeps the model of the last request, applies the next one (whole, or a
 * patch of it: requests arrive in the order they were posted), cuts the cues and answers the
 * breach spans. A patch of a model it does not hold throws: the worker fails and the page gives
 * it up and cuts on its own thread (cue-breach-client.ts), so a wrong model is never cut.
 */
export function cueBreachAnswerer(): (request: CueBreachRequest) => CueBreachReply {
  let last: { seq: number; segments: Segment[] } | null = null
  let ids = 0
  return (request) => {
    const input = request.input
    const own = unpackSegments(input, ids)
    ids += own.length
    let segments = own
    if (input.baseSeq !== 0) {
      const prev = last
      if (!prev || prev.seq !== input.baseSeq || input.keepHead + input.keepTail > prev.segments.length) throw new Error(`cue-breach worker: request ${request.seq} patches request ${input.baseSeq}, which it does not hold`)
      segments = prev.segments.slice(0, input.keepHead).concat(own, prev.segments.slice(prev.segments.length - input.keepTail))
    }
    last = { seq: request.seq, segments }
    return { seq: request.seq, spans: cueBreachesOf(modelOf(input, segments), request.options) }
  }
}
