import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { mountSampleEditor, pressKey, resetEditorTest } from './support/editor-mount'
import { inFrameRecutSegments, useCueViewStore } from '../../renderer/src/stores/cue-view-store'
import { setSegmentText } from '../../shared/transcript/edits'
import { makeModel, paced } from '../shared/subtitles/make-model'
import CueRowBody from '../../renderer/src/components/editor/CueRowBody.vue'
import CueListRow from '../../renderer/src/components/editor/CueListRow.vue'
import CueView from '../../renderer/src/components/editor/CueView.vue'
import TaskHeader from '../../renderer/src/components/TaskHeader.vue'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import StatusBar from '../../renderer/src/components/StatusBar.vue'
import TranscriptToolbar from '../../renderer/src/components/editor/TranscriptToolbar.vue'
import { paintedAndIdle } from '../../renderer/src/lib/after-paint-idle'

/*
 * The live cue view in the editor (EditorLayout mounted whole, waveform stubbed): the toggle and
 * its key, the rows (times, speed, characters per line, QC colour), the decisions made from the
 * keys and the context menu as undoable edits, the docked QC panel following the view, and an
 * edit re-cutting only its passage.
 */

beforeEach(() => {
  resetEditorTest()
  // happy-dom lays nothing out: the virtualised list is given a window's worth of height to fill.
  const size = { clientHeight: 600, clientWidth: 800 }
  const saved = Object.fromEntries(Object.keys(size).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]))
  for (const [k, v] of Object.entries(size)) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v })
  onTestFinished(() => {
    for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d)
  })
})

const idle = async (): Promise<void> => {
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}
// The docked QC panel follows the view once the edit's frame has painted (CueView.vue).
const painted = async (): Promise<void> => {
  await idle()
  await paintedAndIdle()
  await flushPromises()
}

type Mounted = Awaited<ReturnType<typeof mountSampleEditor>>
type CueView = ReturnType<typeof useCueViewStore>

/** The sample task mounted in the editor with the cue view turned on (V); unmounted when the test ends. */
async function sampleInCueView(): Promise<Pick<Mounted, 'wrapper' | 'editor'> & { cues: CueView }> {
  const { wrapper, editor } = await mountSampleEditor()
  onTestFinished(() => wrapper.unmount())
  pressKey('v', 'KeyV')
  await flushPromises()
  return { wrapper, editor, cues: useCueViewStore() }
}

/** The second word of the first cue with three words or more, and its text in the model now. */
function wordOfACue(cues: CueView, editor: Mounted['editor']): { word: CueView['rows'][number]['words'][number]; wordText: () => string | undefined } {
  const word = cues.rows.find((r) => r.words.length >= 3)!.words[1]
  return { word, wordText: () => editor.model!.segments.find((s) => s.id === word.segmentId)!.words.find((w) => w.id === word.id)?.text }
}

describe('the live cue view', () => {
  it('V toggles the view; rows show times, reading speed in the preset unit, characters per line and QC', async () => {
    const { wrapper } = await mountSampleEditor()
    onTestFinished(() => wrapper.unmount())
    expect(wrapper.find('[data-testid="cue-view"]').exists()).toBe(false)
    // The segment view shows a compact reading-speed badge per segment.
    expect(wrapper.find('[data-testid="segment-speed"]').text()).toMatch(/chars\/s/)
    pressKey('v', 'KeyV')
    await flushPromises()
    const view = wrapper.get('[data-testid="cue-view"]')
    const rows = view.findAll('[data-testid="cue-row"]')
    expect(rows.length).toBeGreaterThan(1)
    expect(rows[0].text()).toMatch(/00:00:\d\d,\d{3}/)
    expect(rows[0].get('[data-testid="cue-speed"]').text()).toMatch(/chars\/s/)
    expect(rows[0].text()).toMatch(/\d+ chars/)
    expect(['fine', 'soft', 'hard']).toContain(rows[0].attributes('data-severity'))
    expect(view.get('[data-testid="cue-summary"]').text()).toMatch(/\d+ cues/)

    // BBC judges reading speed in words a minute.
    await view.get('[data-testid="cue-preset"]').setValue('bbc')
    await flushPromises()
    expect(wrapper.get('[data-testid="cue-row"] [data-testid="cue-speed"]').text()).toMatch(/words\/min/)

    wrapper.get('[data-testid="cue-view-toggle"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="cue-view"]').exists()).toBe(false)
  })

  it('forces a break before the clicked word with B (undo takes it back), keeps a Shift+click range together with K, and the QC panel follows', async () => {
    const { wrapper, editor, cues } = await sampleInCueView()
    const before = cues.rows.length
    const row = cues.rows.find((r) => r.words.length >= 4)!
    const target = row.words[2]
    await wrapper.get(`[data-word-id="${target.id}"]`).trigger('click')
    pressKey('b', 'KeyB')
    await idle()
    expect(editor.model!.cueDecisions).toEqual([expect.objectContaining({ kind: 'break-before', wordId: target.id })])
    // A cue now starts at the word (the words before it may join the cue before).
    expect(cues.rows.some((r) => r.words[0]?.id === target.id)).toBe(true)
    expect(wrapper.get(`[data-word-id="${target.id}"]`).classes()).toContain('broken')
    // The docked QC panel counts the view's own cues.
    expect(wrapper.get('.qc .summary').text()).toContain(`${cues.rows.length} cues`)
    expect(cues.lastRecut?.passage).toBe(true)
    pressKey('z', 'KeyZ', { ctrl: true })
    await idle()
    expect(editor.model!.cueDecisions ?? []).toEqual([])
    expect(cues.rows.length).toBe(before)
    expect(cues.rows.some((r) => r.words[0]?.id === target.id)).toBe(false)

    // Shift+click extends the selection; K keeps the words from the anchor to there in one cue.
    const a = cues.rows[0].words[cues.rows[0].words.length - 1]
    const b = cues.rows[1].words[0]
    await wrapper.get(`[data-word-id="${a.id}"]`).trigger('click')
    await wrapper.get(`[data-word-id="${b.id}"]`).trigger('click', { shiftKey: true })
    pressKey('k', 'KeyK')
    await idle()
    expect(editor.model!.cueDecisions).toEqual([expect.objectContaining({ kind: 'keep-together', fromWordId: a.id, toWordId: b.id })])
    expect(cues.rows.some((r) => r.words.some((w) => w.id === a.id) && r.words.some((w) => w.id === b.id))).toBe(true)
  })

  it('the context menu nudges the cue by one frame and locks it; notices when an edit moves a decision', async () => {
    const { wrapper, editor, cues } = await sampleInCueView()
    const row = cues.rows[0]
    const first = row.words[0]
    await wrapper.get(`[data-word-id="${first.id}"]`).trigger('contextmenu')
    const menu = wrapper.get('[data-testid="cue-menu"]')
    await menu.findAll('button').find((b) => b.text() === 'Cue in one frame later')!.trigger('click')
    await idle()
    const frame = Math.round(1000 / 23.976)
    expect(editor.model!.cueDecisions).toEqual([expect.objectContaining({ kind: 'nudge', edge: 'in', wordId: first.id, deltaMs: frame })])
    // The retiming key nudges again (one nudge per edge, added up).
    pressKey(']', 'BracketRight')
    await idle()
    expect(editor.model!.cueDecisions).toEqual([expect.objectContaining({ kind: 'nudge', deltaMs: 2 * frame })])
    pressKey('o', 'KeyO')
    await idle()
    expect(editor.model!.cueDecisions!.some((d) => d.kind === 'lock' && d.fromWordId === first.id)).toBe(true)
    expect(wrapper.get('[data-testid="cue-row"]').text()).toContain('Locked')

    // Deleting the nudged word's text moves the decisions, and the view says so.
    const seg = editor.model!.segments.find((s) => s.words.some((w) => w.id === first.id))!
    const rest = seg.words.slice(1).map((w) => w.text).join(' ')
    expect(editor.typeText(seg.id, rest)).toBe(true)
    editor.flushTyping()
    await idle()
    expect(editor.decisionNotices.length).toBeGreaterThan(0)
    expect(wrapper.get('[data-testid="cue-view"] .notices').text()).toMatch(/moved to|dropped/)
  })

  it('E goes to the next cue with a QC breach; an edit in the segment model re-cuts only its passage', async () => {
    const { editor, cues } = await sampleInCueView()
    const breaches = cues.rows.filter((r) => r.severity)
    pressKey('e', 'KeyE')
    await flushPromises()
    if (breaches.length) expect(cues.rows[cues.selection.cue].severity).not.toBeNull()
    const seg = editor.model!.segments[1]
    editor.history = { ...editor.history!, present: setSegmentText(editor.model!, seg.id, 'Completely different words now.') }
    await idle()
    expect(cues.rows.flatMap((r) => r.words.map((w) => w.text))).toContain('Completely')
  })

  it('an edit of a few segments re-cuts in its own tick (the next paint shows it); an edit of many waits for idle time', async () => {
    const { wrapper, editor } = await mountSampleEditor()
    onTestFinished(() => wrapper.unmount())
    // More segments than an in-frame edit may change, a few seconds apart.
    const turns = Array.from({ length: inFrameRecutSegments + 4 }, (_, k) => [k % 2 ? 'S2' : 'S1', paced('these are some words to cut', k * 4000)] as const)
    editor.history = { ...editor.history!, present: makeModel(turns) }
    await flushPromises()
    pressKey('v', 'KeyV')
    await flushPromises()
    const cues = useCueViewStore()
    const texts = (): string[] => cues.rows.flatMap((r) => r.words.map((w) => w.text))
    // The first edit after the whole cut, and the next: each shows before any idle time.
    for (const word of ['Quokka', 'Axolotl']) {
      const seg = editor.model!.segments[1]
      editor.history = { ...editor.history!, present: setSegmentText(editor.model!, seg.id, `${word} words now.`) }
      await nextTick()
      expect(cues.stale).toBe(false)
      expect(texts()).toContain(word)
      expect(wrapper.get(`[data-testid="cue-row"] [data-word-id="${cues.rows.find((r) => r.words.some((w) => w.text === word))!.words[0].id}"]`).text()).toBe(word)
    }
    // Every segment changed: the previous cues stay until idle time.
    let model = editor.model!
    for (const seg of model.segments) model = setSegmentText(model, seg.id, `Tapir ${seg.words.map((w) => w.text).join(' ')}`)
    editor.history = { ...editor.history!, present: model }
    await nextTick()
    expect(cues.stale).toBe(true)
    expect(texts()).not.toContain('Tapir')
    await idle()
    expect(cues.stale).toBe(false)
    expect(texts()).toContain('Tapir')
  })

  it('a re-cut re-renders only the cues it changed (each cue is its own component; the kept rows are the same objects)', async () => {
    const { wrapper, editor } = await mountSampleEditor()
    onTestFinished(() => wrapper.unmount())
    const turns = Array.from({ length: 12 }, (_, k) => [k % 2 ? 'S2' : 'S1', paced('these are some words to cut', k * 4000)] as const)
    editor.history = { ...editor.history!, present: makeModel(turns) }
    await flushPromises()
    pressKey('v', 'KeyV')
    await flushPromises()
    const cues = useCueViewStore()
    const trees = (): Map<number, unknown> => new Map(wrapper.findAllComponents(CueRowBody).map((c) => [c.props('index') as number, c.vm.$.subTree]))
    const before = trees()
    expect(before.size).toBeGreaterThan(6)
    const seg = editor.model!.segments[5]
    editor.history = { ...editor.history!, present: setSegmentText(editor.model!, seg.id, 'these are some other words to cut') }
    await flushPromises()
    expect(cues.rows.flatMap((r) => r.words.map((w) => w.text))).toContain('other')
    const after = trees()
    const redrawn = [...after].filter(([i, tree]) => before.get(i) !== tree).map(([i]) => i)
    // The edited cue, and the one after it (its gap to the edited one is judged again).
    expect(redrawn.length).toBeGreaterThan(0)
    expect(redrawn.length).toBeLessThanOrEqual(3)
    // Opening a word for editing redraws its cue (the field, the selection) and the one selected before.
    const word = cues.rows[8].words[2]
    const opened = trees()
    await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
    expect(wrapper.find('input.edit').exists()).toBe(true)
    const redrawnByEdit = [...trees()].filter(([i, tree]) => opened.get(i) !== tree).map(([i]) => i)
    expect(redrawnByEdit).toContain(8)
    expect(redrawnByEdit.length).toBeLessThanOrEqual(2)
  })

  it('Enter and the committed field leaving render the edited cue only: not the list, not the other cues on screen', async () => {
    const { wrapper, editor } = await mountSampleEditor()
    onTestFinished(() => wrapper.unmount())
    const turns = Array.from({ length: 12 }, (_, k) => [k % 2 ? 'S2' : 'S1', paced('these are some words to cut', k * 4000)] as const)
    editor.history = { ...editor.history!, present: makeModel(turns) }
    await flushPromises()
    pressKey('v', 'KeyV')
    await flushPromises()
    const cues = useCueViewStore()
    const list = wrapper.getComponent(CueView)
    // Each cue's own render (its item and its body) and the list's, by the identity of their trees.
    const trees = (): Map<string, unknown> =>
      new Map([
        ['list', list.vm.$.subTree],
        ...wrapper.findAllComponents(CueListRow).map((c) => [`item ${c.props('index') as number}`, c.vm.$.subTree] as const),
        ...wrapper.findAllComponents(CueRowBody).map((c) => [`body ${c.props('index') as number}`, c.vm.$.subTree] as const)
      ])
    const rendered = (before: Map<string, unknown>): string[] => [...trees()].filter(([k, tree]) => before.get(k) !== tree).map(([k]) => k)
    const word = cues.rows[8].words[2]
    await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
    await wrapper.get('input.edit').setValue(`${word.text}s`)
    await painted()
    const opened = trees()
    expect(opened.size).toBeGreaterThan(12)

    await wrapper.get('input.edit').trigger('keydown', { key: 'Enter' })
    await nextTick()
    expect(wrapper.get(`[data-word-id="${word.id}"]`).text()).toBe(`${word.text}s`)
    expect(wrapper.find('input.edit.leaving').exists()).toBe(true)
    // Enter: the edited cue renders (the word in place of its field, the cue re-cut); the list and the rest do not.
    expect(rendered(opened)).toEqual(['item 8', 'body 8'])

    const entered = trees()
    await painted()
    expect(wrapper.find('input.edit').exists()).toBe(false)
    // The field leaving: the edited cue again (its field goes), the list and the rest not.
    expect(rendered(entered)).toEqual(['item 8', 'body 8'])
  })

  it('a double-clicked word is typed live: the cue follows after the typing pause, Enter commits, one undo step, Escape puts it back', async () => {
    const { wrapper, editor, cues } = await sampleInCueView()
    const { word, wordText } = wordOfACue(cues, editor)
    await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
    const field = wrapper.get('input.edit')
    expect((field.element as HTMLInputElement).value).toBe(word.text)

    // A key reaches the typing buffer, not the model; the pause commits it and the cue shows it.
    await field.setValue('Zebra')
    expect(wordText()).toBe(word.text)
    editor.flushTyping()
    await idle()
    expect(wordText()).toBe('Zebra')
    expect(cues.rows.some((r) => r.words.some((w) => w.id === word.id && w.text === 'Zebra'))).toBe(true)
    // The field stays on the word (same id) while the cue re-cuts under it, holding what was typed.
    expect(wrapper.get('input.edit').element).toBe(field.element)
    expect((field.element as HTMLInputElement).value).toBe('Zebra')

    await field.setValue('Zebras')
    await field.trigger('keydown', { key: 'Enter' })
    // Enter's own render shows the word; the field is not removed in that frame (hidden, the same element) …
    expect(wrapper.get(`[data-word-id="${word.id}"]`).text()).toBe('Zebras')
    expect(wrapper.get('input.edit.leaving').element).toBe(field.element)
    // … and goes once the frame has painted and the page is idle; its blur commits nothing.
    await painted()
    expect(wrapper.find('input.edit').exists()).toBe(false)
    expect(wordText()).toBe('Zebras')
    expect(wrapper.get(`[data-word-id="${word.id}"]`).text()).toBe('Zebras')
    // The whole burst is one undo step.
    pressKey('z', 'KeyZ', { ctrl: true })
    await idle()
    expect(wordText()).toBe(word.text)

    await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
    await wrapper.get('input.edit').setValue('Quux')
    editor.flushTyping()
    await idle()
    expect(wordText()).toBe('Quux')
    await wrapper.get('input.edit').trigger('keydown', { key: 'Escape' })
    await painted()
    expect(wordText()).toBe(word.text)
    expect(wrapper.find('input.edit').exists()).toBe(false)
  })

  it('a letter typed into the committed word\'s field before it leaves (Enter\'s frame) goes on that word, where the caret was; nothing is lost', async () => {
    const { wrapper, editor, cues } = await sampleInCueView()
    const { word, wordText } = wordOfACue(cues, editor)
    await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
    const field = wrapper.get('input.edit')
    await field.setValue('Zebra')
    await field.trigger('keydown', { key: 'Enter' })
    expect(wordText()).toBe('Zebra')
    // The frame has not painted yet: the field is still there, hidden and focused, and takes the key.
    expect(wrapper.get('input.edit.leaving').element).toBe(field.element)
    ;(field.element as HTMLInputElement).value += 's'
    await field.trigger('input')
    // The word is edited again with the key after it: the field stays (not leaving), showing both.
    expect(wrapper.find('input.edit.leaving').exists()).toBe(false)
    expect(wrapper.get('input.edit').element).toBe(field.element)
    expect((field.element as HTMLInputElement).value).toBe('Zebras')
    await painted()
    // Painted: the field did not leave under the reviewer's keys.
    expect(wrapper.get('input.edit').element).toBe(field.element)
    await field.trigger('keydown', { key: 'Enter' })
    await painted()
    expect(wrapper.find('input.edit').exists()).toBe(false)
    expect(wordText()).toBe('Zebras')
    expect(wrapper.get(`[data-word-id="${word.id}"]`).text()).toBe('Zebras')
    // Zebra then Zebras: one typing burst, one undo step back to the word as it was.
    pressKey('z', 'KeyZ', { ctrl: true })
    await idle()
    expect(wordText()).toBe(word.text)
  })

  it('a word committed in the cue view does not render the task header or the toolbar again (the status bar only for what it says); a speaker rename still shows in the header', async () => {
    const { wrapper, editor } = await mountSampleEditor()
    onTestFinished(() => wrapper.unmount())
    // The editor's mount stubs these two: mounted here on the same stores.
    const header = mount(TaskHeader, { props: { task: useTaskStore().opened! } })
    const status = mount(StatusBar)
    onTestFinished(() => {
      header.unmount()
      status.unmount()
    })
    pressKey('v', 'KeyV')
    await flushPromises()
    const cues = useCueViewStore()
    const trees = (): unknown[] => [header.vm.$.subTree, status.vm.$.subTree, wrapper.getComponent(TranscriptToolbar).vm.$.subTree]
    const commitWord = async (k: number, suffix: string): Promise<void> => {
      const word = cues.rows.find((r) => r.words.length >= 3)!.words[k]
      await wrapper.get(`[data-word-id="${word.id}"]`).trigger('dblclick')
      await wrapper.get('input.edit').setValue(`${word.text}${suffix}`)
      await wrapper.get('input.edit').trigger('keydown', { key: 'Enter' })
      await painted()
      expect(wrapper.get(`[data-word-id="${word.id}"]`).text()).toBe(`${word.text}${suffix}`)
    }
    const before = trees()
    await commitWord(1, 'x')
    // The first commit changes the save state ("Unsaved"): the status bar says so; the header and the toolbar keep their trees.
    expect(editor.saveState).toBe('unsaved')
    const first = trees()
    expect(first[0] === before[0], 'the header rendered again').toBe(true)
    expect(first[2] === before[2], 'the toolbar rendered again').toBe(true)
    // A second commit, the save state as it was: the header and the toolbar keep their trees. (The
    // status bar names the cursor word with its confidence: it renders for the word's new text.)
    await commitWord(2, 'y')
    expect(editor.saveState).toBe('unsaved')
    expect(trees()[0] === first[0] && trees()[2] === first[2], 'the header or the toolbar rendered again').toBe(true)
    first.splice(0, 3, ...trees())
    // An edit away from the cursor's word, the save state as it was: none of the three renders again.
    const other = editor.model!.segments.find((seg) => seg.id !== editor.cursor?.segmentId && seg.words.length > 0)!
    expect(editor.typeText(other.id, `${other.words.map((w) => w.text).join(' ')} more`)).toBe(true)
    await painted()
    expect(cues.rows.some((r) => r.words.some((w) => w.text === 'more'))).toBe(true)
    // (The status bar also follows the review queue's count, which the edit's cue cut may change.)
    expect(trees()[0] === first[0] && trees()[2] === first[2], 'the header or the toolbar rendered again').toBe(true)
    // What the header shows from the model still follows it.
    expect(editor.renameSpeaker(editor.model!.speakers[0].id, 'Zelda Quux')).toBe(true)
    await flushPromises()
    expect(header.get('[data-testid="task-speakers"]').text()).toContain('Zelda Quux')
  })

  it('after an edit the QC panel re-renders only the breaches that changed (the rest keep their elements) and its counts follow', async () => {
    const { wrapper, editor, cues } = await sampleInCueView()
    await wrapper.get('[data-testid="cue-preset"]').setValue('bbc')
    await flushPromises()
    // The first segment spoken far too fast: reading-speed breaches at the start.
    const first = editor.model!.segments[0]
    const fast = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    expect(editor.typeText(first.id, `${first.words.map((w) => w.text).join(' ')} ${fast}`)).toBe(true)
    editor.flushTyping()
    await painted()
    const items = wrapper.findAll('.qc li')
    expect(items.length).toBeGreaterThan(1)
    const report = cues.report!
    // Edit the last cue's segment: every breach before it stays as it was.
    const last = cues.rows[cues.rows.length - 1]
    const seg = editor.model!.segments.find((s) => s.id === last.words[0].segmentId)!
    expect(editor.typeText(seg.id, seg.words.map((w) => w.text).join(' ') + ' and a great many more words spoken far too quickly here')).toBe(true)
    await painted()
    expect(cues.report).not.toBe(report)
    const kept = report.breaches.filter((b) => b.cueIndex < cues.view!.rebuilt.from)
    expect(kept.length).toBeGreaterThan(0)
    kept.forEach((b, i) => expect(cues.report!.breaches[i]).toBe(b))
    const after = wrapper.findAll('.qc li')
    kept.forEach((_, i) => expect(after[i].element).toBe(items[i].element))
    expect(wrapper.get('.qc .summary').text()).toBe(wrapper.get('[data-testid="cue-summary"]').text())
  })
})
