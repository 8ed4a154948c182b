import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { answerCueBreachRequest, cueBreachAnswerer, unpackCueInput } from '../../renderer/src/lib/cue-breach-protocol'
import type { CueBreachReply, CueBreachRequest } from '../../renderer/src/lib/cue-breach-protocol'
import { cueBreachCutter, packCueInput } from '../../renderer/src/lib/cue-breach-client'
import { cueBreachSpans } from '../../shared/review/queue'
import { addCueDecision, deleteSegment, mergeSegments, normaliseTranscript, segmentText, setSegmentText, setSpeaker, splitSegment } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * The cue-breach worker's protocol (its handler called directly, on a real transcript posted the
 * way postMessage copies it) and the page's side of it: only the latest request's answer is used,
 * and a worker that fails hands its request back to the page.
 */

const options = { preset: 'netflix-en', language: 'en' } as const
const radio = normaliseTranscript(convertRealFixture('soleio-interview.dpe.json'))

/** A request as the worker receives it: structured-cloned, its times buffer transferred. */
function posted(model: TranscriptModel, seq = 1): CueBreachRequest {
  const request: CueBreachRequest = { seq, input: packCueInput(model), options }
  return structuredClone(request, { transfer: [request.input.wordTimes.buffer, request.input.wordLengths.buffer] })
}

describe('the cue-breach worker protocol', () => {
  it('answers the same spans as cutting the whole model on the page, for the request it was asked', () => {
    const expected = cueBreachSpans(radio, options)
    expect(expected.length).toBeGreaterThan(5)
    const reply = answerCueBreachRequest(posted(radio, 7))
    expect(reply.seq).toBe(7)
    expect(reply.spans).toEqual(expected)
  })

  it('posts only what the cutter reads: no export, no API word objects', () => {
    const input = packCueInput(radio)
    const words = radio.segments.reduce((n, s) => n + s.words.length, 0)
    expect(input.wordTimes).toHaveLength(2 * words)
    expect(input.wordLengths).toHaveLength(2 * words)
    expect(JSON.stringify({ ...input, wordIds: '', wordTexts: '' })).not.toContain('"source"')
    const back = unpackCueInput(structuredClone(input))
    expect(back.segments.map((s) => s.words.map((w) => [w.id, w.text, w.startMs, w.endMs]))).toEqual(radio.segments.map((s) => s.words.map((w) => [w.id, w.text, w.startMs, w.endMs])))
    expect(back.segments.map((s) => s.speakerId)).toEqual(radio.segments.map((s) => s.speakerId))
  })

  it('keeps any text whole: separators, line breaks, astral characters, empty words', () => {
    const odd = ['a\nb', '', '😀🎬', 'x\u0000y', 'ção']
    const [s0, ...rest] = radio.segments
    const model: TranscriptModel = { ...radio, segments: [{ ...s0, words: s0.words.map((w, i) => ({ ...w, text: odd[i % odd.length], id: `${w.id}·${i}` })) }, ...rest] }
    const back = unpackCueInput(structuredClone(packCueInput(model)))
    expect(back.segments[0].words.map((w) => [w.id, w.text])).toEqual(model.segments[0].words.map((w) => [w.id, w.text]))
    expect(back.segments[1].words.map((w) => w.text)).toEqual(radio.segments[1].words.map((w) => w.text))
  })

  it('carries the reviewer\'s cue decisions and copes with a Vue proxy of the model', () => {
    // A break before each of a few words in a row: one-word cues, too short to read.
    const words = radio.segments.flatMap((s) => s.words)
    const model = words.slice(40, 46).reduce((m, w) => addCueDecision(m, { kind: 'break-before', wordId: w.id }), radio)
    expect(packCueInput(model).cueDecisions).toEqual(model.cueDecisions)
    const expected = cueBreachSpans(model, options)
    expect(expected).not.toEqual(cueBreachSpans(radio, options))
    // reactive() makes a deep proxy, which structuredClone refuses: the packed copy must not be one.
    expect(answerCueBreachRequest(posted(reactive(model) as TranscriptModel)).spans).toEqual(expected)
  })

  it('a task with no words has no cue breaches (no error crosses the worker)', () => {
    const empty: TranscriptModel = { ...radio, segments: [] }
    expect(answerCueBreachRequest(posted(empty, 3))).toEqual({ seq: 3, spans: [] })
  })
})

/**
 * A Worker that runs the real handler in this thread: each request handled as it arrives, in
 * order (as the worker's own queue does), its answer delivered when the test says.
 */
class InProcessWorker {
  onmessage: ((event: MessageEvent<CueBreachReply>) => void) | null = null
  onerror: ((event: { preventDefault(): void }) => void) | null = null
  onmessageerror: (() => void) | null = null
  readonly inbox: CueBreachRequest[] = []
  readonly replies: CueBreachReply[] = []
  private readonly handle = cueBreachAnswerer()
  terminated = false
  postMessage(request: CueBreachRequest, transfer: Transferable[]): void {
    const got = structuredClone(request, { transfer })
    this.inbox.push(got)
    this.replies.push(this.handle(got))
  }
  /** Answers the `i`th request received. */
  answer(i: number): void {
    this.onmessage?.({ data: this.replies[i] } as MessageEvent<CueBreachReply>)
  }
  terminate(): void {
    this.terminated = true
  }
}

function cutterOn(): { cutter: NonNullable<ReturnType<typeof cueBreachCutter>>; worker: InProcessWorker; started: () => number } {
  const worker = new InProcessWorker()
  let starts = 0
  const cutter = cueBreachCutter(() => {
    starts++
    return worker as unknown as Worker
  })!
  return { cutter, worker, started: () => starts }
}

describe('the page side of the cue-breach worker', () => {
  it('has no cutter where the page has no Worker (the store cuts in idle time instead)', () => {
    expect(typeof Worker).toBe('undefined')
    expect(cueBreachCutter()).toBeNull()
  })

  it('a newer request supersedes an older one: the older resolves null, its late answer is dropped', async () => {
    const { cutter, worker, started } = cutterOn()
    const edited = { ...radio, segments: radio.segments.slice(0, 20) }
    const first = cutter.cut(radio, options)
    const second = cutter.cut(edited, options)
    expect(started()).toBe(1)
    expect(worker.inbox.map((r) => r.seq)).toEqual([1, 2])
    expect(await first).toBeNull()
    worker.answer(0)
    worker.answer(1)
    expect(await second).toEqual(cueBreachSpans(edited, options))
  })

  it('after the first request posts only the segments an edit changed; every answer equals the whole cut on the page', async () => {
    const { cutter, worker } = cutterOn()
    const edits: ((m: TranscriptModel) => TranscriptModel)[] = [
      (m) => setSegmentText(m, m.segments[5].id, `${segmentText(m.segments[5])} extraordinarily`),
      (m) => setSegmentText(m, m.segments[0].id, 'So'),
      (m) => setSegmentText(m, m.segments.at(-1)!.id, `${segmentText(m.segments.at(-1)!)} yes indeed`),
      (m) => splitSegment(m, m.segments[8].id, { wordIndex: 2 }),
      (m) => mergeSegments(m, m.segments[3].id),
      (m) => deleteSegment(m, m.segments[10].id),
      (m) => setSpeaker(m, { segmentId: m.segments[12].id }, m.speakers.at(-1)!.id),
      (m) => addCueDecision(m, { kind: 'break-before', wordId: m.segments[2].words[1].id }),
      (m) => ({ ...m, segments: m.segments.slice(0, 15) }),
      (m) => m
    ]
    let model = radio
    for (let i = 0; i <= edits.length; i++) {
      const pending = cutter.cut(model, options)
      worker.answer(i)
      expect(await pending).toEqual(cueBreachSpans(model, options))
      if (i < edits.length) model = edits[i](model)
    }
    const words = worker.inbox.map((r) => r.input.segmentWordCounts.reduce((a, b) => a + b, 0))
    expect(words[0]).toBe(radio.segments.reduce((n, s) => n + s.words.length, 0))
    // A one-segment edit posts that segment's words (a split or merge: two), never the task.
    for (const n of words.slice(1)) expect(n).toBeLessThan(words[0] / 10)
    expect(worker.inbox.slice(1).every((r) => r.input.baseSeq === r.seq - 1)).toBe(true)
  })

  it('a patch of a model the worker does not hold fails the worker: the page cuts instead', async () => {
    const answer = cueBreachAnswerer()
    const first = posted(radio, 1)
    expect(answer(first).spans).toEqual(cueBreachSpans(radio, options))
    const stray: CueBreachRequest = { ...first, seq: 3, input: { ...packCueInput(radio), baseSeq: 2, keepHead: 1, keepTail: 0 } }
    expect(() => answer(stray)).toThrow(/patches request 2/)
    expect(() => answerCueBreachRequest(stray)).toThrow(/needs the model it patches/)
  })

  it('cancel drops the answer in flight', async () => {
    const { cutter, worker } = cutterOn()
    const pending = cutter.cut(radio, options)
    cutter.cancel()
    worker.answer(0)
    expect(await pending).toBeNull()
  })

  it('a worker that fails is given up: its request and later ones are cut on the page', async () => {
    const { cutter, worker, started } = cutterOn()
    const pending = cutter.cut(radio, options)
    let prevented = false
    worker.onerror!({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(worker.terminated).toBe(true)
    expect(await pending).toEqual(cueBreachSpans(radio, options))
    expect(await cutter.cut(radio, options)).toEqual(cueBreachSpans(radio, options))
    expect(started()).toBe(1)
    expect(worker.inbox).toHaveLength(1)
  })

  it('dispose stops the worker and resolves what was waiting with null', async () => {
    const { cutter, worker } = cutterOn()
    const pending = cutter.cut(radio, options)
    cutter.dispose()
    expect(worker.terminated).toBe(true)
    expect(await pending).toBeNull()
  })
})
