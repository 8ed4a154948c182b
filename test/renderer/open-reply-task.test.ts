import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import type { Result } from '../../shared/errors'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'
import { exportWords, ownTaskFromWords, replyWords } from '../../renderer/src/lib/reply-words'
import type { OpenedTranscript } from '../../shared/ipc/contract'
import type { ApiTranscriptSegment } from '../../shared/api/transcript-export'
import { shareEqualWordLists } from '../../shared/api/share-word-lists'
import { convertRealFixture } from '../fixtures/real-to-export'
import { packWords } from '../../shared/ipc/packed-words'
import { yieldInTurn } from '../../renderer/src/lib/yield-to-page'

/** The sample with its segments repeated until it carries at least `words` words. */
function openedWithWords(words: number): OpenedTranscript {
  const opened = openedSample()
  const body = opened.data.transcript as { transcripts: ApiTranscriptSegment[] }
  const segments = body.transcripts
  while (exportWords(opened.data) < words) body.transcripts = [...body.transcripts, ...segments.map((s) => structuredClone(s))]
  return opened
}

/*
 * A big opened task's reply and what it starts are separate tasks (issue 21, cold open): the
 * receive (IPC's structured clone of the reply) ends one task, the unpacking of its words is the
 * next, and the task is put in place — the normalise and the first rows' render — in the one
 * after, so opening is not one long task. A smaller reply (the sample's) is put in place at once:
 * the hops would only add a frame (lib/reply-words.ts). A failed open says so at once.
 */

/** `opened` as main sends it: its words in columns, the rest a copy (as IPC's clone makes). */
function packed(opened: OpenedTranscript): OpenedTranscript {
  const p = packWords(opened.data)!
  return { ...opened, data: structuredClone(p.data), packedWords: p.words }
}

/** Words in the display lists of `opened`'s export as it is now. */
function displayWordsNow(opened: OpenedTranscript): number {
  return (opened.data.transcript as { transcripts: ApiTranscriptSegment[] }).transcripts.reduce((n, s) => n + (s.displayWords?.length ?? 0), 0)
}

/** Every microtask queued so far, and those they queue, run; no task does. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 100; i++) await Promise.resolve()
}

describe('the reply of an open and the task put in place', () => {
  let fake: FakeSdte
  beforeEach(() => {
    setActivePinia(createPinia())
    fake = installFakeSdte()
  })

  function held(channel: 'tasks:openTranscript' | 'files:openExport' | 'tasks:openEither'): (r: Result<unknown>) => void {
    let release: (r: Result<unknown>) => void = () => undefined
    fake.handlers[channel] = () => new Promise<Result<unknown>>((resolve) => (release = resolve))
    return (r) => release(r)
  }

  it('puts a big task in place in a task after the reply\'s, for every way of opening', async () => {
    const store = useTaskStore()
    const big = openedWithWords(ownTaskFromWords)
    const release = held('files:openExport')
    const opening = store.openFile()
    release({ ok: true, value: big })
    await microtasks()
    // The reply is in, the task not yet: the frame still shows.
    expect(store.opened).toBeNull()
    expect(store.framing).not.toBeNull()
    expect(await opening).toBe(true)
    expect(store.opened?.data.taskId).toBe(big.data.taskId)
    store.close()
    const either = held('tasks:openEither')
    const eitherOpening = store.openEither({ taskId: 7 }, () => undefined)
    either({ ok: true, value: { kind: 'transcript', transcript: openedWithWords(ownTaskFromWords) } })
    await microtasks()
    expect(store.opened).toBeNull()
    expect(await eitherOpening).toBe(true)
    expect(store.opened).not.toBeNull()
  })

  it('unpacks a big packed reply in a task of its own, after the receive\'s and before the put-in-place\'s', async () => {
    const store = useTaskStore()
    const big = openedWithWords(ownTaskFromWords)
    const words = displayWordsNow(big)
    const reply = packed(big)
    expect(displayWordsNow(reply)).toBe(0)
    const release = held('files:openExport')
    const opening = store.openFile()
    release({ ok: true, value: reply })
    await microtasks()
    // The receive's task has ended with the words still in columns.
    expect(displayWordsNow(reply)).toBe(0)
    expect(store.opened).toBeNull()
    // Task by task: the words are unpacked (in place, in the reply's export) a task before the task is put in place.
    const seen: string[] = []
    while (store.opened === null) {
      await yieldInTurn()
      const state = `${displayWordsNow(reply) === words ? 'unpacked' : 'packed'}, ${store.opened ? 'in place' : 'not in place'}`
      if (seen.at(-1) !== state) seen.push(state)
    }
    expect(seen).toEqual(['unpacked, not in place', 'unpacked, in place'])
    expect(await opening).toBe(true)
    expect(displayWordsNow(store.opened!)).toBe(words)
  })

  it('counts a packed reply\'s words as it arrives, each once', () => {
    const opened = openedWithWords(ownTaskFromWords)
    for (const s of (opened.data.transcript as { transcripts: ApiTranscriptSegment[] }).transcripts) {
      // Half the segments share their lists, one word of the other half is a word of its own.
      if (s.displayWords && s.displayWords.length % 2 === 0) s.originalWords = s.displayWords
      else if (s.displayWords?.length) s.originalWords = s.displayWords.map((w, k) => (k === 0 ? { ...w } : w))
    }
    expect(replyWords(packed(opened))).toBe(exportWords(opened.data))
    expect(replyWords(opened)).toBe(exportWords(opened.data))
  })

  it('puts a smaller task in place in the reply\'s own task, for every way of opening', async () => {
    const store = useTaskStore()
    const below = openedWithWords(ownTaskFromWords / 2)
    expect(exportWords(below.data)).toBeLessThan(ownTaskFromWords)
    const release = held('files:openExport')
    const opening = store.openFile()
    release({ ok: true, value: below })
    await microtasks()
    expect(store.opened?.data.taskId).toBe(below.data.taskId)
    expect(store.framing).toBeNull()
    expect(await opening).toBe(true)
    store.close()
    const either = held('tasks:openEither')
    const eitherOpening = store.openEither({ taskId: 7 }, () => undefined)
    either({ ok: true, value: { kind: 'transcript', transcript: openedSample() } })
    await microtasks()
    expect(store.opened).not.toBeNull()
    expect(await eitherOpening).toBe(true)
  })

  it('counts each word object once: an original word that is the display word is not counted again', () => {
    const opened = openedSample()
    const segments = (opened.data.transcript as { transcripts: ApiTranscriptSegment[] }).transcripts
    const display = segments.reduce((n, s) => n + (s.displayWords?.length ?? 0), 0)
    const original = segments.reduce((n, s) => n + (s.originalWords?.length ?? 0), 0)
    expect(exportWords(opened.data)).toBe(display + original)
    // The whole list shared, then one word of the first segment's own again.
    for (const s of segments) s.originalWords = s.displayWords
    expect(exportWords(opened.data)).toBe(display)
    const first = segments[0]
    first.originalWords = first.displayWords!.map((w, k) => (k === 0 ? { ...w } : w))
    expect(exportWords(opened.data)).toBe(display + 1)
  })

  it('draws the line below the 2-hour task (a task apart) and above the bundled sample (at once)', () => {
    // As main sends it: original words shared with the display words where the same.
    const twoHours = exportWords(shareEqualWordLists(convertRealFixture('senate-hearing-2h.dpe.json')))
    expect(twoHours).toBeGreaterThanOrEqual(ownTaskFromWords)
    expect(exportWords(openedSample().data)).toBeLessThan(ownTaskFromWords)
  })

  it('a failed open shows its error without waiting a task', async () => {
    const store = useTaskStore()
    const release = held('tasks:openTranscript')
    const opening = store.openTask({ taskId: 9 })
    release({ ok: false, error: { code: 'not_found', message: 'Task 9 was not found.' } })
    await microtasks()
    expect(store.error?.message).toBe('Task 9 was not found.')
    expect(await opening).toBe(false)
  })
})
