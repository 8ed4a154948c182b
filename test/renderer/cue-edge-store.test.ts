import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountSampleEditor, pressKey, resetEditorTest } from './support/editor-mount'
import { useCueViewStore } from '../../renderer/src/stores/cue-view-store'
import { canRecutLocally, wholeCut } from '../../renderer/src/lib/cue-recut'
import { useCueWave } from '../../renderer/src/composables/use-cue-wave'
import { cueRegionsIn } from '../../renderer/src/lib/waveform-cues'

/*
 * A cue edge set from the waveform (cue-view store `setEdge`, composables/use-cue-wave) in the
 * mounted editor: one undoable nudge, the cue re-cut at once (the cut the view shows is the
 * whole cut of the edited transcript), a refused or held drag said in the notice bar.
 */

beforeEach(() => resetEditorTest())

/** The sample in the editor, switched to the cue view (V), with its cue and waveform stores. */
async function sampleInCueView() {
  const { wrapper, editor } = await mountSampleEditor()
  onTestFinished(() => wrapper.unmount())
  pressKey('v', 'KeyV')
  await flushPromises()
  return { editor, cues: useCueViewStore(), wave: useCueWave() }
}

describe('setting a cue edge from the waveform', () => {
  it('one nudge, one undo step, the cue re-cut at once; undo restores the cue', async () => {
    const { editor, cues, wave } = await sampleInCueView()
    const before = cues.rows[0].cue
    const spec = cueRegionsIn(cues.rows, { from: 0, to: Infinity, key: 'all' }, 0, 0)[0]
    const landed = wave.callbacks.onCueEdge(spec, 'out', before.endMs - 600)
    expect(landed).not.toBeNull()
    // Re-cut already: the rows show the new out time, which is the whole cut's.
    expect(cues.stale).toBe(false)
    expect(cues.rows[0].cue.endMs).toBe(landed)
    expect(Math.abs(landed! - (before.endMs - 600))).toBeLessThan(42)
    expect(cues.cut!.cues).toEqual(wholeCut(editor.model!, cues.preset, { language: undefined, annotations: undefined }).cues)
    expect(editor.model!.cueDecisions).toEqual([expect.objectContaining({ kind: 'nudge', edge: 'out', wordId: cues.rows[0].words.at(-1)!.id })])
    expect(editor.message).toBeNull()
    editor.undo()
    await flushPromises()
    cues.recutNow()
    expect(editor.model!.cueDecisions ?? []).toEqual([])
    expect(cues.rows[0].cue.endMs).toBe(before.endMs)
  })

  it('keeps the re-cut state: the edit after a drag re-cuts its passage only, equal to the whole cut', async () => {
    const { editor, cues, wave } = await sampleInCueView()
    const spec = cueRegionsIn(cues.rows, { from: 0, to: Infinity, key: 'all' }, 0, 0)[0]
    expect(wave.callbacks.onCueEdge(spec, 'out', cues.rows[0].cue.endMs - 600)).not.toBeNull()
    expect(canRecutLocally(cues.cut!)).toBe(true)
    // A word of a later cue edited: its passage is re-cut from the drag's cut, not the whole transcript.
    const w = cues.rows[2].words[0]
    const segment = editor.model!.segments.find((s) => s.id === w.segmentId)!
    expect(editor.replaceWord(segment.id, w.wordIndex, 'Extraordinarily')).toBeTruthy()
    await flushPromises()
    expect(cues.stale).toBe(false)
    expect(cues.lastRecut?.passage).toBe(true)
    expect(cues.cut!.passage).not.toBeNull()
    expect(cues.cut!.cues).toEqual(wholeCut(editor.model!, cues.preset, { language: undefined, annotations: undefined }).cues)
  })

  it('refuses a locked cue with a message; a drag past the nudge limit is held there and said', async () => {
    const { editor, cues, wave } = await sampleInCueView()
    const spec = () => cueRegionsIn(cues.rows, { from: 0, to: Infinity, key: 'all' }, 0, 0)
    const far = wave.callbacks.onCueEdge(spec()[1], 'in', cues.rows[1].cue.startMs + 4000)
    expect(far).toBe(cues.rows[1].cue.startMs)
    expect(editor.message?.text).toMatch(/at most 2 s/)
    cues.select(2, 0)
    expect(cues.toggleLock()).toBe(true)
    cues.recutNow()
    const decisions = editor.model!.cueDecisions
    expect(wave.callbacks.onCueEdge(spec()[2], 'out', cues.rows[2].cue.endMs - 300)).toBeNull()
    expect(editor.message?.text).toMatch(/locked/)
    expect(editor.model!.cueDecisions).toBe(decisions)
    // A region whose cue changed under it (another first word) is refused, not applied to another cue.
    expect(wave.callbacks.onCueEdge({ ...spec()[3], firstWordId: 'gone' }, 'out', 1000)).toBeNull()
    expect(editor.message?.text).toMatch(/changed while you dragged/)
  })
})
