import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cueBreachAnswerer } from '../../renderer/src/lib/cue-breach-protocol'
import type { CueBreachReply, CueBreachRequest } from '../../renderer/src/lib/cue-breach-protocol'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useReviewQueueStore } from '../../renderer/src/stores/review-queue-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { cueBreachSpans } from '../../shared/review/queue'
import type { OpenedTranscript } from '../../shared/ipc/contract'
import { convertRealFixture } from '../fixtures/real-to-export'
import { resetEditorTest } from './support/editor-mount'

/*
 * The review queue's cue-breach items, both ways the store gets them: cut in idle time on the
 * page where there is no Worker (happy-dom has none), and from the worker where there is one (a
 * Worker here that runs the real handler in this thread when the test answers), with the queue
 * not settled while a cut is out and an answer superseded by an edit dropped.
 */

const opened: OpenedTranscript = { origin: 'file', fileName: 'soleio.json', data: convertRealFixture('soleio-interview.dpe.json'), exportHash: 'hash-soleio', draft: null }
const options = { preset: 'netflix-en', language: 'en' } as const

/** Every cue-breach reason in the queue, as "word id: detail". */
function cueItems(queue: ReturnType<typeof useReviewQueueStore>): string[] {
  return queue.items.flatMap((i) => i.reasons.filter((r) => r.signal === 'cue-breach').map((r) => `${i.wordId}: ${r.detail}`))
}

beforeEach(() => resetEditorTest())
afterEach(() => {
  useReviewQueueStore().$dispose()
  vi.unstubAllGlobals()
})

describe('the review queue\'s cue breaches', () => {
  it('without Worker, are cut on the page in idle time', async () => {
    expect(typeof Worker).toBe('undefined')
    const editor = useEditorStore()
    useTaskStore().opened = opened
    const queue = useReviewQueueStore()
    await vi.waitFor(() => expect(queue.settled).toBe(true))
    const spans = cueBreachSpans(editor.model!, options)
    expect(spans.length).toBeGreaterThan(5)
    expect(cueItems(queue).length).toBeGreaterThan(5)
    expect(new Set(cueItems(queue).map((c) => c.split(': ').slice(1).join(': ')))).toEqual(new Set(spans.map((s) => s.detail)))
  })

  it('with a Worker, come from its answer to the latest request; the queue settles only then', async () => {
    const workers: FakeWorker[] = []
    class FakeWorker {
      onmessage: ((event: MessageEvent<CueBreachReply>) => void) | null = null
      onerror = null
      onmessageerror = null
      readonly inbox: CueBreachRequest[] = []
      readonly replies: CueBreachReply[] = []
      readonly handle = cueBreachAnswerer()
      constructor() {
        workers.push(this)
      }
      // Handled in order as they arrive (a request may patch the one before), answered when the test says.
      postMessage(request: CueBreachRequest, transfer: Transferable[]): void {
        const got = structuredClone(request, { transfer })
        this.inbox.push(got)
        this.replies.push(this.handle(got))
      }
      answer(i: number): void {
        this.onmessage?.({ data: this.replies[i] } as MessageEvent<CueBreachReply>)
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FakeWorker)
    const editor = useEditorStore()
    useTaskStore().opened = opened
    const queue = useReviewQueueStore()
    await vi.waitFor(() => expect(workers[0]?.inbox).toHaveLength(1))
    expect(queue.settled).toBe(false)
    expect(cueItems(queue)).toEqual([])

    // An edit while the cut is out: one more request; the first answer, stale, changes nothing.
    const seg = editor.model!.segments[3]
    editor.typeText(seg.id, 'So')
    await vi.waitFor(() => expect(workers[0].inbox).toHaveLength(2))
    workers[0].answer(0)
    await Promise.resolve()
    expect(cueItems(queue)).toEqual([])
    expect(queue.settled).toBe(false)

    const builds = queue.fullBuilds
    workers[0].answer(1)
    await vi.waitFor(() => expect(queue.settled).toBe(true))
    // The answer re-scored the segments its spans touch; no whole build of the queue.
    expect(queue.fullBuilds).toBe(builds)
    expect(workers).toHaveLength(1)
    const spans = cueBreachSpans(editor.model!, options)
    expect(new Set(cueItems(queue).map((c) => c.split(': ').slice(1).join(': ')))).toEqual(new Set(spans.map((s) => s.detail)))
    expect(cueItems(queue).length).toBeGreaterThan(5)
  })
})
