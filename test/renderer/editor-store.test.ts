import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { segmentText } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { autosaveDelayMs, typingCommitDelayMs, useEditorStore, wordRange } from '../../renderer/src/stores/editor-store'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { resetPlatformForTests } from '../../renderer/src/lib/platform'
import { parseTranscriptExport } from '../../shared/api/parse-export'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

let fake: FakeSdte

async function openSample(draft: Parameters<typeof openedSample>[0] = null) {
  const task = useTaskStore()
  task.opened = openedSample(draft)
  await nextTick()
  const editor = useEditorStore()
  expect(editor.model).not.toBeNull()
  return editor
}

const texts = (m: TranscriptModel | null): string[] => (m ? m.segments.map((s) => segmentText(s)) : [])
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
  setActivePinia(createPinia())
  fake = installFakeSdte()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('editor store: loading and edits', () => {
  it('normalises the opened export into the model and puts the cursor on the first segment', async () => {
    const editor = await openSample()
    expect(editor.model!.segments).toHaveLength(4)
    expect(editor.model!.segments[0].words[0]).toMatchObject({ text: 'Welcome', startMs: 500 })
    expect(editor.cursor).toEqual({ segmentId: editor.model!.segments[0].id, wordIndex: -1 })
    expect(editor.saveState).toBe('saved')
    expect(editor.reviewedPercent).toBe(0)
  })

  it('applies edits through the pure functions, each one undoable and redoable', async () => {
    const editor = await openSample()
    const loaded = editor.model
    const [s0, s1, s2] = editor.model!.segments
    expect(editor.replaceWord(s2.id, 2, 'recognizer')).toBe(true)
    expect(texts(editor.model)[2]).toContain('the recognizer was')
    expect(editor.split(s1.id, { wordIndex: 5 })).toBe(true)
    expect(editor.model!.segments).toHaveLength(5)
    expect(editor.assignSpeaker(s0.id, s1.speakerId)).toBe(true)
    expect(editor.toggleReviewed(s0.id)).toBe(true)
    expect(editor.reviewedPercent).toBe(20)
    expect(editor.canUndo).toBe(true)
    for (let i = 0; i < 4; i++) expect(editor.undo()).toBe(true)
    expect(editor.model).toBe(loaded)
    expect(editor.undo()).toBe(false)
    for (let i = 0; i < 4; i++) expect(editor.redo()).toBe(true)
    expect(editor.model!.segments).toHaveLength(5)
    expect(editor.model!.segments[0].speakerId).toBe(s1.speakerId)
  })

  it('gives a word range to another speaker, splitting the segment around it, in one undo step', async () => {
    const editor = await openSample()
    const loaded = editor.model
    const seg = editor.model!.segments[0]
    expect(editor.assignSpeakerToWords(seg.id, 5, 7, 2)).toBe(true)
    const m = editor.model!
    expect(m.segments).toHaveLength(6)
    expect(texts(m).slice(0, 3)).toEqual(['Welcome to the sample task.', 'This recording shows', 'how the editor follows speech word by word.'])
    expect(m.segments[1].speakerId).toBe(m.speakers[1].id)
    expect(m.segments[2].speakerId).toBe(seg.speakerId)
    expect(editor.cursor).toEqual({ segmentId: m.segments[1].id, wordIndex: 0 })
    editor.undo()
    expect(editor.model).toBe(loaded)
  })

  it('groups a burst of typing into one undo step', async () => {
    const editor = await openSample()
    const loaded = editor.model
    const seg = editor.model!.segments[3]
    const base = segmentText(seg)
    let typed = base
    for (const ch of ' Thanks') {
      typed += ch
      editor.typeText(seg.id, typed)
      vi.advanceTimersByTime(120)
    }
    expect(texts(editor.model)[3]).toBe(`${base} Thanks`)
    editor.undo()
    expect(editor.model).toBe(loaded)
    // A pause longer than the burst window starts a new step.
    editor.typeText(seg.id, `${base} A`)
    vi.advanceTimersByTime(3000)
    editor.typeText(seg.id, `${base} AB`)
    editor.undo()
    expect(texts(editor.model)[3]).toBe(`${base} A`)
  })

  it('holds typed text as a draft, committed after a pause, before any other action, and when the task closes', async () => {
    const editor = await openSample()
    const loaded = editor.model
    const seg = editor.model!.segments[3]
    const base = segmentText(seg)
    editor.typeDraft(seg.id, `${base} Tha`)
    editor.typeDraft(seg.id, `${base} Thanks`)
    // Per key the model is untouched (no edit, no history step), yet the text is held.
    expect(editor.model).toBe(loaded)
    expect(editor.pendingTextOf(seg.id)).toBe(`${base} Thanks`)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }])
    vi.advanceTimersByTime(typingCommitDelayMs)
    expect(texts(editor.model)[3]).toBe(`${base} Thanks`)
    expect(editor.pendingTextOf(seg.id)).toBeNull()
    // Undo right after typing takes back the typed words, not an earlier step.
    editor.typeDraft(seg.id, `${base} Thanks again`)
    editor.undo()
    expect(editor.model).toBe(loaded)
    // Another action first lands the draft, then itself: two undo steps.
    editor.typeDraft(seg.id, `${base} X`)
    editor.toggleReviewed(seg.id)
    expect(texts(editor.model)[3]).toBe(`${base} X`)
    editor.undo()
    expect(texts(editor.model)[3]).toBe(`${base} X`)
    // Closing the task with a draft pending saves it.
    editor.typeDraft(seg.id, `${base} closing`)
    useTaskStore().close()
    await nextTick()
    const saved = fake.callsTo('drafts:save') as Array<{ document: TranscriptModel }>
    expect(saved).toHaveLength(1)
    expect(texts(saved[0].document)[3]).toBe(`${base} closing`)
  })

  it('reports an edit it cannot apply instead of throwing', async () => {
    const editor = await openSample()
    const first = editor.model!.segments[0]
    expect(editor.split(first.id, { wordIndex: 0 })).toBe(false)
    expect(editor.lastError).toMatch(/start or end/)
    expect(editor.canUndo).toBe(false)
  })

  it('goes to the next and previous low-confidence word and seeks to it', async () => {
    const editor = await openSample()
    const playback = usePlaybackStore()
    expect(editor.moveLowConfidence(1)).toBe(true)
    expect(editor.cursor).toMatchObject({ wordIndex: 2 })
    expect(playback.timeMs).toBe(17418)
    expect(editor.moveLowConfidence(1)).toBe(true)
    expect(playback.timeMs).toBe(18833)
    expect(editor.moveLowConfidence(1)).toBe(true)
    expect(playback.timeMs).toBe(28738)
    expect(editor.moveLowConfidence(1)).toBe(false)
    expect(editor.moveLowConfidence(-1)).toBe(true)
    expect(playback.timeMs).toBe(18833)
  })

  it('walks word by word across segments, and nudges segment edges like a drag (clamped, undoable)', async () => {
    const editor = await openSample()
    const playback = usePlaybackStore()
    const [s0, s1] = editor.model!.segments
    editor.goTo(s0.id, 15)
    editor.moveWord(1)
    expect(editor.cursor).toEqual({ segmentId: s1.id, wordIndex: 0 })
    expect(playback.timeMs).toBe(9394)
    editor.moveWord(-1)
    expect(editor.cursor).toEqual({ segmentId: s0.id, wordIndex: 15 })
    editor.goTo(s1.id)
    expect(editor.nudgeSegment('start', -100)).toBe(true)
    expect(editor.model!.segments[1].startMs).toBe(9294)
    for (let i = 0; i < 10; i++) editor.nudgeSegment('start', -100)
    // Never before the previous segment's last word ends (8794).
    expect(editor.model!.segments[1].startMs).toBe(8794)
    expect(editor.nudgeSegment('start', 1000)).toBe(true)
    // Never after its own first word.
    expect(editor.model!.segments[1].startMs).toBe(9394)
    editor.undo()
    expect(editor.model!.segments[1].startMs).toBe(8794)
  })

  it('finds the word under the playhead by time', async () => {
    const editor = await openSample()
    const playback = usePlaybackStore()
    playback.reportTime(17500)
    expect(editor.activeWordId).toBe(editor.model!.segments[2].words[2].id)
    playback.reportTime(9000) // the gap between segments
    expect(editor.activeWordId).toBeNull()
    playback.reportTime(0)
    expect(editor.activeWordId).toBeNull()
  })

  it('replaces all matches within one speaker as one undo step', async () => {
    const editor = await openSample()
    const ben = editor.model!.segments[1].speakerId
    const query = { text: 'to', regex: false, wholeWord: true, caseSensitive: false, speakerId: ben }
    expect(editor.find(query).map((m) => m.segmentIndex)).toEqual([1, 1])
    expect(editor.replaceAll(query, 'TO')).toBe(1)
    expect(texts(editor.model)[1]).toContain('word TO jump')
    expect(texts(editor.model)[0]).toContain('Welcome to the')
    editor.undo()
    expect(texts(editor.model)[1]).toContain('word to jump')
  })

  it('word ranges are offsets into the segment text', () => {
    expect(wordRange([{ text: 'ab' }, { text: 'c' }, { text: 'def' }], 2)).toEqual({ start: 5, end: 8 })
  })
})

describe('editor store: autosave', () => {
  // The write is due once the edits pause for `autosaveDelayMs`, at the latest
  // `autosaveMaxWaitMs` after the first unsaved change, with every change in it. This assertion
  // pinned a write `autosaveDelayMs` after the FIRST change, which landed among the next keys (issue 21).
  it('saves once, when the edits pause for autosaveDelayMs, with the latest model, flagging unsaved work around it', async () => {
    const editor = await openSample()
    const seg = editor.model!.segments[0]
    editor.toggleReviewed(seg.id)
    vi.advanceTimersByTime(autosaveDelayMs / 2)
    editor.replaceWord(seg.id, 0, 'Hello')
    expect(editor.saveState).toBe('unsaved')
    await flush()
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }])
    // The first change's delay has passed, but not a pause after the last: no write among the keys.
    vi.advanceTimersByTime(autosaveDelayMs - 1)
    expect(fake.callsTo('drafts:save')).toHaveLength(0)
    vi.advanceTimersByTime(1)
    await flush()
    expect(autosaveDelayMs).toBeLessThanOrEqual(1000)
    const saves = fake.callsTo('drafts:save') as Array<{ taskId: number; exportHash: string; document: TranscriptModel }>
    expect(saves).toHaveLength(1)
    expect(saves[0].taskId).toBe(1)
    expect(saves[0].exportHash).toBe('hash-1')
    expect(saves[0].document).toBe(editor.model)
    expect(editor.saveState).toBe('saved')
    expect(editor.savedAt).toBe(1_700_000_000_000)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }, { unsaved: false }])
  })

  it('a failed save is retried on its own, backing off, with no further edit; the work stays flagged unsaved until it lands', async () => {
    let failures = 3
    fake.handlers['drafts:save'] = () =>
      failures-- > 0 ? { ok: false, error: { code: 'io', message: 'The draft for task 1 could not be written: ENOSPC: no space left on device' } } : { ok: true, value: { savedAt: 42 } }
    const editor = await openSample()
    editor.toggleReviewed(editor.model!.segments[0].id)
    vi.advanceTimersByTime(autosaveDelayMs)
    await flush()
    expect(editor.saveState).toBe('error')
    expect(editor.saveError).toContain('ENOSPC')
    // Back-off: 2×, 4×, 8× the delay; each retry happens without any edit.
    for (const [wait, calls] of [[autosaveDelayMs * 2, 2], [autosaveDelayMs * 4, 3], [autosaveDelayMs * 8, 4]] as const) {
      vi.advanceTimersByTime(wait - 1)
      await flush()
      expect(fake.callsTo('drafts:save')).toHaveLength(calls - 1)
      vi.advanceTimersByTime(1)
      await flush()
      expect(fake.callsTo('drafts:save')).toHaveLength(calls)
    }
    expect(editor.saveState).toBe('saved')
    expect(editor.savedAt).toBe(42)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }, { unsaved: false }])
  })

  it('closing a task whose save keeps failing keeps retrying it and keeps the unsaved flag up until it lands', async () => {
    let fail = true
    fake.handlers['drafts:save'] = () => (fail ? { ok: false, error: { code: 'io', message: 'ENOSPC' } } : { ok: true, value: { savedAt: 7 } })
    const editor = await openSample()
    editor.toggleReviewed(editor.model!.segments[0].id)
    useTaskStore().close()
    await nextTick()
    await flush()
    expect(fake.callsTo('drafts:save')).toHaveLength(1)
    expect(editor.saveState).toBe('saved')
    fail = false
    vi.advanceTimersByTime(autosaveDelayMs * 2)
    await flush()
    expect(fake.callsTo('drafts:save')).toHaveLength(2)
    expect((fake.callsTo('drafts:save') as Array<{ taskId: number }>)[1].taskId).toBe(1)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }, { unsaved: false }])
  })

  it('closing the task with a save pending sends it at once and clears the flag only when it lands', async () => {
    let release: () => void = () => undefined
    fake.handlers['drafts:save'] = () => new Promise((r) => (release = () => r({ ok: true, value: { savedAt: 5 } })))
    const editor = await openSample()
    editor.toggleReviewed(editor.model!.segments[0].id)
    useTaskStore().close()
    await nextTick()
    expect(fake.callsTo('drafts:save')).toHaveLength(1)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }])
    release()
    await flush()
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }, { unsaved: false }])
  })

  it('keeps the work flagged unsaved and says so when the save fails', async () => {
    fake.handlers['drafts:save'] = () => ({ ok: false, error: { code: 'io', message: 'Disk full' } })
    const editor = await openSample()
    editor.toggleReviewed(editor.model!.segments[0].id)
    vi.advanceTimersByTime(autosaveDelayMs)
    await flush()
    expect(editor.saveState).toBe('error')
    expect(editor.saveError).toBe('Disk full')
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }])
  })

  it('with a draft on offer, waits for the reviewer: restore opens the draft, undo goes back to the export', async () => {
    const editor0 = await openSample({ savedAt: 1_699_000_000_000, comparison: 'export-changed' })
    const loaded = editor0.model!
    const draftModel = { ...loaded, segments: loaded.segments.slice(0, 2) }
    fake.handlers['drafts:load'] = () => ({ ok: true, value: { taskId: 1, exportHash: 'old-hash', savedAt: 1_699_000_000_000, document: JSON.parse(JSON.stringify(draftModel)) } })
    const editor = useEditorStore()
    expect(editor.draftOffer).toEqual({ savedAt: 1_699_000_000_000, comparison: 'export-changed' })
    editor.toggleReviewed(loaded.segments[0].id)
    vi.advanceTimersByTime(autosaveDelayMs * 3)
    await flush()
    expect(fake.callsTo('drafts:save')).toHaveLength(0)
    await editor.restoreDraft()
    expect(editor.draftOffer).toBeNull()
    expect(editor.model!.segments).toHaveLength(2)
    // Later saves keep the draft's base, so the export change stays visible and both are kept.
    editor.toggleReviewed(editor.model!.segments[0].id)
    vi.advanceTimersByTime(autosaveDelayMs)
    await flush()
    expect((fake.callsTo('drafts:save') as Array<{ exportHash: string }>).map((s) => s.exportHash)).toEqual(['old-hash'])
    editor.undo()
    editor.undo()
    expect(editor.model!.segments).toHaveLength(4)
  })

  // Edits made while the prompt waited were neither saved nor kept by "Restore draft",
  // so the transcript is now read-only until the reviewer chooses (this test used to edit first).
  it('the transcript is read-only until the reviewer chooses; after discarding, edits save', async () => {
    const editor = await openSample({ savedAt: 1_699_000_000_000, comparison: 'same-export' })
    const before = editor.model
    const seg = before!.segments[0]
    expect(editor.readOnly).toBe(true)
    expect(editor.toggleReviewed(seg.id)).toBe(false)
    expect(editor.replaceWord(seg.id, 0, 'Hello')).toBe(false)
    editor.startEditing(seg.id)
    expect(editor.editing).toBeNull()
    editor.typeDraft(seg.id, 'typed while the prompt was open')
    editor.flushTyping()
    expect(editor.model).toBe(before)
    expect(editor.message?.text).toContain('read-only until you do')
    vi.advanceTimersByTime(autosaveDelayMs * 3)
    await flush()
    expect(fake.callsTo('drafts:save')).toHaveLength(0)
    expect(fake.callsTo('app:setUnsaved')).toEqual([])
    await editor.discardDraft()
    expect(fake.callsTo('drafts:discard')).toEqual([{ taskId: 1 }])
    expect(editor.readOnly).toBe(false)
    expect(editor.toggleReviewed(seg.id)).toBe(true)
    vi.advanceTimersByTime(autosaveDelayMs)
    await flush()
    expect(fake.callsTo('drafts:save')).toHaveLength(1)
  })
})

describe('editor store: adding and deleting segments', () => {
  // Sample timings: s0 500–8794, s1 9394–15817, s2 16417–24085, s3 24685–29968 (words end to end); the recording runs to 30768.
  beforeEach(() => {
    localStorage.clear()
    resetPlatformForTests('Linux x86_64')
  })

  it('adds an empty segment at the playhead in a gap, open for typing, as one undo step', async () => {
    const editor = await openSample()
    const loaded = editor.model
    usePlaybackStore().reportTime(8900)
    const id = editor.addSegment()
    expect(id).not.toBeNull()
    const m = editor.model!
    expect(m.segments).toHaveLength(5)
    expect(m.segments[1]).toMatchObject({ id, startMs: 8900, endMs: 9394, words: [], speakerId: m.segments[0].speakerId })
    expect(editor.cursor).toEqual({ segmentId: id, wordIndex: -1 })
    expect(editor.editing?.segmentId).toBe(id)
    expect(editor.message).toBeNull()
    expect(editor.undo()).toBe(true)
    expect(editor.model).toBe(loaded)
    expect(editor.editing).toBeNull()
    expect(editor.redo()).toBe(true)
    expect(editor.model!.segments[1].id).toBe(id)
  })

  it('with the playhead inside a segment, starts the new one where that segment ends and says so; with no gap there it refuses and suggests Split', async () => {
    const editor = await openSample()
    usePlaybackStore().reportTime(12_000)
    const id = editor.addSegmentAtPlayhead()
    const seg = editor.model!.segments.find((s) => s.id === id)!
    expect(seg).toMatchObject({ startMs: 15_817, endMs: 16_417 })
    expect(editor.model!.segments[1].endMs).toBe(15_817)
    expect(editor.message?.text).toBe('The playhead was inside the segment at 0:09.3, so the new segment starts where it ends (0:15.8). To cut a segment in two, use Split (Ctrl+Enter).')
    // The gap after the segment is now taken: nothing is added, and the notice says what to do instead.
    const before = editor.model
    editor.stopEditing()
    expect(editor.addSegmentAtPlayhead()).toBeNull()
    expect(editor.model).toBe(before)
    expect(editor.lastError).toBe('The playhead is inside the segment at 0:09.3 and there is no gap after it for a new segment. Select a range on the waveform, or cut the segment in two with Split (Ctrl+Enter).')
  })

  it('from a waveform selection: uses that range, trims a neighbour back to its words, uses the selection up, and refuses ranges over words or whole segments', async () => {
    const editor = await openSample()
    const [s0, s1] = editor.model!.segments
    // A segment whose end runs past its last word into the gap (8794).
    editor.retimeSegment(s0.id, 'end', 9100)
    expect(editor.model!.segments[0].endMs).toBe(9100)
    const before = editor.model

    editor.selection = { startMs: 8000, endMs: 9000 }
    expect(editor.addSegment()).toBeNull()
    expect(editor.model).toBe(before)
    expect(editor.lastError).toMatch(/^The selection overlaps the words of another segment\. .*Split \(Ctrl\+Enter\)\.$/)
    expect(editor.selection).not.toBeNull()

    editor.selection = { startMs: 9000, endMs: 16_000 }
    expect(editor.addSegment()).toBeNull()
    expect(editor.lastError).toBe('The selection covers the whole segment at 0:09.3. To replace it, delete it first with Delete segment (Ctrl+Shift+Backspace), or select a shorter range.')

    // Dragged right to left, the range reads the same.
    editor.selection = { startMs: 9300, endMs: 8850 }
    const id = editor.addSegment()
    const m = editor.model!
    expect(m.segments.map((s) => [s.startMs, s.endMs]).slice(0, 3)).toEqual([[500, 8850], [8850, 9300], [9394, 15_817]])
    expect(m.segments[1].id).toBe(id)
    expect(m.segments[2].id).toBe(s1.id)
    expect(editor.selection).toBeNull()
    expect(editor.lastError).toBeNull()
    editor.undo()
    expect(editor.model).toBe(before)
  })

  it('deletes the cursor segment as one undo step; the cursor moves to the next one; undo brings the segment and the cursor back', async () => {
    const editor = await openSample()
    const loaded = editor.model
    const [, s1, s2] = loaded!.segments
    editor.goTo(s1.id)
    expect(editor.deleteSegment()).toBe(true)
    expect(editor.model!.segments.map((s) => s.id)).not.toContain(s1.id)
    expect(editor.model!.segments).toHaveLength(3)
    expect(editor.cursor).toEqual({ segmentId: s2.id, wordIndex: -1 })
    expect(editor.message).toEqual({ text: 'Segment deleted — Ctrl+Z to undo', offerUndo: true })
    expect(editor.undo()).toBe(true)
    expect(editor.model).toBe(loaded)
    expect(editor.cursor).toEqual({ segmentId: s1.id, wordIndex: -1 })
    expect(editor.message).toBeNull()
    expect(editor.redo()).toBe(true)
    expect(editor.model!.segments).toHaveLength(3)
    expect(editor.cursor).toEqual({ segmentId: s2.id, wordIndex: -1 })
  })

  it('deleting the last row moves the cursor up; deleting every segment leaves no cursor and then says there is nothing to delete', async () => {
    const editor = await openSample()
    const ids = editor.model!.segments.map((s) => s.id)
    editor.goTo(ids[3])
    editor.deleteSegment()
    expect(editor.cursor?.segmentId).toBe(ids[2])
    for (let i = 0; i < 3; i++) expect(editor.deleteSegment()).toBe(true)
    expect(editor.model!.segments).toHaveLength(0)
    expect(editor.cursor).toBeNull()
    expect(editor.deleteSegment()).toBe(false)
    expect(editor.lastError).toBe('There is no segment to delete.')
    // Each undo puts the cursor back on the segment it brings back.
    for (const id of ids) {
      editor.undo()
      expect(editor.cursor?.segmentId).toBe(id)
    }
    expect(editor.model!.segments.map((s) => s.id)).toEqual(ids)
  })

  it('deleting the segment being edited keeps what was typed for undo, and its field cannot type into it afterwards', async () => {
    const editor = await openSample()
    const s1 = editor.model!.segments[1]
    editor.startEditing(s1.id)
    editor.typeDraft(s1.id, 'Only noise')
    expect(editor.deleteSegment()).toBe(true)
    expect(editor.editing).toBeNull()
    // The row unmounting hands its field's text back: ignored, as the segment is gone.
    editor.typeDraft(s1.id, 'Only noise')
    expect(editor.pendingTextOf(s1.id)).toBeNull()
    vi.advanceTimersByTime(typingCommitDelayMs)
    expect(editor.lastError).toBeNull()
    editor.undo()
    expect(texts(editor.model)[1]).toBe('Only noise')
  })

  it('names the undo key as bound on this platform', async () => {
    resetPlatformForTests('MacIntel')
    const editor = await openSample()
    editor.deleteSegment(editor.model!.segments[0].id)
    expect(editor.message?.text).toBe('Segment deleted — ⌘Z to undo')
    useEditorUiStore().remap('undo', ['Mod+Shift+U'])
    editor.deleteSegment(editor.model!.segments[0].id)
    expect(editor.message?.text).toBe('Segment deleted — ⇧⌘U to undo')
  })

  it('does nothing without a model, and works on a task with no transcript yet', async () => {
    const editor = useEditorStore()
    expect(editor.model).toBeNull()
    expect(editor.addSegment()).toBeNull()
    expect(editor.addSegmentFromSelection({ startMs: 0, endMs: 1000 })).toBeNull()
    expect(editor.deleteSegment()).toBe(false)

    const sample = openedSample()
    useTaskStore().opened = { ...sample, data: parseTranscriptExport({ ...JSON.parse(JSON.stringify(sample.data)), transcript: null }) }
    await nextTick()
    expect(editor.model!.segments).toHaveLength(0)
    expect(editor.deleteSegment()).toBe(false)
    usePlaybackStore().reportTime(1000)
    const id = editor.addSegment()
    expect(editor.model!.segments).toHaveLength(1)
    expect(editor.notices).toEqual([])
    expect(editor.deleteSegment(id!)).toBe(true)
    expect(editor.cursor).toBeNull()
    expect(editor.notices.map((n) => n.kind)).toEqual(['no-transcript'])
    editor.undo()
    expect(editor.model!.segments.map((s) => s.id)).toEqual([id])
  })
})
