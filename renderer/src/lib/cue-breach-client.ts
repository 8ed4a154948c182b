import { toRaw } from 'vue'
import type { CueBreachSpan } from '../../../shared/review/queue/types'
import type { Segment, TranscriptModel } from '../../../shared/transcript'
import { cueBreachesOf } from './cue-breach-protocol'
import type { CueBreachReply, CueBreachRequest, CueInput } from './cue-breach-protocol'

/*
 * The page's side of the cue-breach worker: posts the model (packed: cue-breach-protocol.ts) with
 * a sequence number and hands back the spans of the latest request only. A worker that fails to
 * start (or dies) is given up: its requests, and every later one, are cut on the page instead, as
 * before the worker, so the queue never waits for an answer that will not come.
 */

/** Which segments of the worker's last model a request keeps (see CueInput): none by default. */
export interface CuePatch {
  readonly baseSeq: number
  readonly keepHead: number
  readonly keepTail: number
}

const wholeModel: CuePatch = { baseSeq: 0, keepHead: 0, keepTail: 0 }

/**
 * The patch that turns `before` (the segments last posted, by request `baseSeq`) into `after`:
 * the segments the two share at the start and at the end, by identity (the model is immutable
 * with structural sharing: an edit replaces the segments it touched, and only those).
 */
export function patchBetween(before: readonly Segment[], after: readonly Segment[], baseSeq: number): CuePatch {
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before[head] === after[head]) head++
  let tail = 0
  while (tail < max - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  return { baseSeq, keepHead: head, keepTail: tail }
}

/** Packs what the cutter reads of `model` into columns (no Vue proxies, no API objects): every segment, or those between a patch's kept ones. */
export function packCueInput(model: TranscriptModel, patch: CuePatch = wholeModel): CueInput {
  const m = toRaw(model)
  const segments = m.segments.slice(patch.keepHead, m.segments.length - patch.keepTail)
  let wordCount = 0
  for (const s of segments) wordCount += s.words.length
  const segmentSpeakers: string[] = new Array(segments.length)
  const segmentWordCounts = new Uint32Array(segments.length)
  const wordIds: string[] = new Array(wordCount)
  const wordTexts: string[] = new Array(wordCount)
  const wordLengths = new Uint32Array(wordCount * 2)
  const wordTimes = new Float64Array(wordCount * 2)
  let k = 0
  segments.forEach((s, i) => {
    segmentSpeakers[i] = s.speakerId
    segmentWordCounts[i] = s.words.length
    for (const w of s.words) {
      wordIds[k] = w.id
      wordTexts[k] = w.text
      wordLengths[2 * k] = w.id.length
      wordLengths[2 * k + 1] = w.text.length
      wordTimes[2 * k] = w.startMs
      wordTimes[2 * k + 1] = w.endMs
      k++
    }
  })
  return {
    taskId: m.taskId,
    durationMs: m.durationMs,
    segmentSpeakers,
    segmentWordCounts,
    wordIds: wordIds.join(''),
    wordTexts: wordTexts.join(''),
    wordLengths,
    wordTimes,
    speakers: m.speakers.map((s) => ({ id: s.id, name: s.name, prefix: s.prefix, suffix: s.suffix, placeholder: s.placeholder })),
    // Decisions are flat records of strings and numbers: a shallow copy drops any proxy.
    cueDecisions: (m.cueDecisions ?? []).map((d) => ({ ...toRaw(d) })),
    ...patch
  }
}

/** Cuts cue breaches in a worker; one per review queue store. */
export interface CueBreachCutter {
  /** The breaches of `model`; null when a newer request (or `cancel`) superseded this one. */
  cut(model: TranscriptModel, options: CueBreachRequest['options']): Promise<CueBreachSpan[] | null>
  /** Supersedes the request in flight (its answer is dropped). */
  cancel(): void
  /** Stops the worker; requests in flight resolve null. */
  dispose(): void
}

/** Starts the bundled worker (Vite emits it as its own module chunk: the literal `new URL` is what it looks for). */
function startWorker(): Worker {
  return new Worker(new URL('./cue-breach.worker.ts', import.meta.url), { type: 'module' })
}

/** A cutter on the worker `makeWorker` starts (on first use); null where the page has no Worker (test DOMs). */
export function cueBreachCutter(makeWorker: (() => Worker) | null = typeof Worker === 'function' ? startWorker : null): CueBreachCutter | null {
  if (!makeWorker) return null
  let worker: Worker | null = null
  let broken = false
  let seq = 0
  /** The request in flight (only the latest is kept: older ones resolved null when superseded). */
  let waiting: { seq: number; model: TranscriptModel; options: CueBreachRequest['options']; resolve: (spans: CueBreachSpan[] | null) => void } | null = null
  /** The segments the worker holds (those of the last request posted): the next request patches them. */
  let sent: { seq: number; segments: readonly Segment[] } | null = null

  function settle(spans: CueBreachSpan[] | null): void {
    const w = waiting
    waiting = null
    w?.resolve(spans)
  }
  function giveUp(): void {
    broken = true
    sent = null
    worker?.terminate()
    worker = null
    // The worker will not answer: cut the waiting request here.
    if (waiting) settle(cueBreachesOf(waiting.model, waiting.options))
  }
  function start(): Worker | null {
    if (worker || broken) return worker
    try {
      worker = makeWorker!()
    } catch {
      broken = true
      return null
    }
    worker.onmessage = (event: MessageEvent<CueBreachReply>) => {
      // An answer to a superseded request is stale: the page already moved on.
      if (waiting && event.data.seq === waiting.seq) settle(event.data.spans)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      giveUp()
    }
    worker.onmessageerror = () => giveUp()
    return worker
  }

  return {
    cut(model, options) {
      settle(null)
      const w = start()
      if (!w) return Promise.resolve(cueBreachesOf(model, options))
      // Only the segments changed since the last request are packed and posted (an edit after
      // a key: a segment or two, not the whole task on the page's thread).
      const segments = toRaw(model).segments
      const patch = sent ? patchBetween(sent.segments, segments, sent.seq) : wholeModel
      const request: CueBreachRequest = { seq: ++seq, input: packCueInput(model, patch), options: { ...options } }
      return new Promise((resolve) => {
        waiting = { seq: request.seq, model, options, resolve }
        try {
          w.postMessage(request, [request.input.wordTimes.buffer, request.input.wordLengths.buffer, request.input.segmentWordCounts.buffer])
          sent = { seq: request.seq, segments }
        } catch {
          giveUp()
        }
      })
    },
    cancel() {
      seq++
      settle(null)
    },
    dispose() {
      seq++
      sent = null
      settle(null)
      worker?.terminate()
      worker = null
      broken = true
    }
  }
}
