import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { installFakeSdte, openedSample, sampleExport } from './support/fake-sdte'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { reviewPrefKeys, useReviewPrefsStore } from '../../renderer/src/stores/review-prefs-store'
import TranscriptSegment from '../../renderer/src/components/editor/TranscriptSegment.vue'
import WordMarksLegend from '../../renderer/src/components/editor/WordMarksLegend.vue'
import TaskHeader from '../../renderer/src/components/TaskHeader.vue'
import ShortcutHint from '../../renderer/src/components/editor/ShortcutHint.vue'
import FindReplace from '../../renderer/src/components/editor/FindReplace.vue'
import DocumentPane from '../../renderer/src/components/DocumentPane.vue'
import { firstMatchFrom, findMatches } from '../../renderer/src/lib/find-replace'
import { lazyWordTooltips, rowWordTitle } from '../../renderer/src/lib/word-tooltips'

/*
 * A reviewer's second pass: word marks with a legend and a remembered threshold
 * (item 4), the shortcuts named and a first-run hint (8), find going to the first match after
 * the cursor and stepping with Enter (9), and the small ones: the header's external id and
 * speaker labels, the document pane saying what it is for beside a transcript.
 */

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
})
/** The sample's transcript is the documented object (not a bare segment list). */
type TranscriptBody = Exclude<NonNullable<ReturnType<typeof sampleExport>['transcript']>, readonly unknown[]>
const mounted: VueWrapper[] = []
afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount()
})
function keep<T extends VueWrapper>(w: T): T {
  mounted.push(w)
  return w
}

async function openSample(data = sampleExport()) {
  useTaskStore().opened = { ...openedSample(), data }
  await nextTick()
  return useEditorStore()
}
const word = (w: VueWrapper, text: string) => w.findAll('.w').find((el) => el.text() === text)!
/** A word's tooltip as the pane writes it when the pointer comes over the word (lib/word-tooltips.ts). */
function hovered(w: VueWrapper, text: string, editor: ReturnType<typeof useEditorStore>): string | undefined {
  const stop = lazyWordTooltips(w.element as HTMLElement, rowWordTitle(() => editor.model!.segments, () => useReviewPrefsStore().threshold))
  word(w, text).element.dispatchEvent(new Event('pointerover', { bubbles: true }))
  stop()
  return word(w, text).attributes('title')
}
/** One transcript row (the virtualised list renders none without layout). */
function row(editor: ReturnType<typeof useEditorStore>, index: number): VueWrapper {
  const segment = editor.model!.segments[index]!
  return keep(mount(TranscriptSegment, { attachTo: document.body, props: { segment, index, speakerName: 'Ana', speakerNumber: 0, isCursor: false, cursorWord: -1, editing: null } }))
}

describe('word marks (item 4)', () => {
  it('tints words below the threshold, explains both marks in a legend, and remembers the threshold', async () => {
    const editor = await openSample()
    const pane = row(editor, 2)
    const legend = keep(mount(WordMarksLegend, { attachTo: document.body }))
    // The sample's unsure words are at 42%; the others are high.
    expect(word(pane, 'recogniser').classes()).toContain('low')
    // The tooltip is written on hover, not with the row (issue 21).
    expect(word(pane, 'recogniser').attributes('title')).toBeUndefined()
    expect(hovered(pane, 'recogniser', editor)).toBe('Low confidence: 42% (below 70%)')
    expect(word(pane, 'Words').classes()).not.toContain('low')
    expect(legend.text()).toContain('Low confidence, below')
    expect(legend.text()).toContain('Timing estimated')
    const threshold = legend.get('[data-testid="confidence-threshold"]')
    expect((threshold.element as HTMLInputElement).value).toBe('70')
    await threshold.setValue('40')
    await threshold.trigger('change')
    await flushPromises()
    expect(word(pane, 'recogniser').classes()).not.toContain('low')
    expect(localStorage.getItem(reviewPrefKeys.threshold)).toBe('0.4')
    // Out of range is clamped, nonsense keeps the setting.
    await threshold.setValue('500')
    await threshold.trigger('change')
    expect(useReviewPrefsStore().threshold).toBe(1)
    await threshold.setValue('')
    await threshold.trigger('change')
    expect((threshold.element as HTMLInputElement).value).toBe('100')
    // A new session reads it back.
    setActivePinia(createPinia())
    expect(useReviewPrefsStore().threshold).toBe(1)
  })

  it('"next low-confidence word" follows the threshold', async () => {
    const editor = await openSample()
    editor.goTo(editor.model!.segments[0]!.id, 0)
    expect(editor.moveLowConfidence(1, 0.3)).toBe(false)
    expect(editor.moveLowConfidence(1, 0.5)).toBe(true)
    expect(editor.model!.segments.find((s) => s.id === editor.cursor!.segmentId)!.words[editor.cursor!.wordIndex]!.text).toBe('recogniser')
  })

  it('estimated timing is a dotted mark with a tooltip, not italics', async () => {
    const data = sampleExport()
    // A word without an offset: normalise estimates its time.
    const first = (data.transcript as TranscriptBody).transcripts![0]!
    first.displayWords = first.displayWords!.map((w, i) => (i === 1 ? { ...w, offsetInSeconds: null } : w)) as typeof first.displayWords
    const editor = await openSample(data)
    const pane = row(editor, 0)
    const est = pane.findAll('.w.est')
    expect(est.length).toBeGreaterThan(0)
    expect(hovered(pane, est[0]!.text(), editor)).toContain('Timing estimated')
    // The component tests run without its styles: the rule is read from the component's source.
    const css = readFileSync(resolve(import.meta.dirname, '../../renderer/src/components/editor/TranscriptSegment.vue'), 'utf8')
    // (The word spans are made by script: their rules are written `:deep(.w.est)`.)
    const rule = /\.w\.est\)?\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
    expect(rule).toContain('dotted')
    expect(rule).not.toContain('italic')
  })
})

describe('shortcuts (item 8)', () => {
  it('the first-run hint shows once: dismissed, it is remembered', async () => {
    await openSample()
    let hint = keep(mount(ShortcutHint, { attachTo: document.body }))
    expect(hint.get('[data-testid="shortcut-hint"]').text()).toContain('Press ?')
    await hint.get('[data-testid="shortcut-hint-dismiss"]').trigger('click')
    expect(hint.find('[data-testid="shortcut-hint"]').exists()).toBe(false)
    expect(localStorage.getItem(reviewPrefKeys.shortcutHint)).toBe('1')
    setActivePinia(createPinia())
    hint = keep(mount(ShortcutHint, { attachTo: document.body }))
    expect(hint.find('[data-testid="shortcut-hint"]').exists()).toBe(false)
  })

  it('"Show shortcuts" opens the help, and the hint is not shown again after the first task', async () => {
    await openSample()
    const hint = mount(ShortcutHint, { attachTo: document.body })
    await hint.get('button.act').trigger('click')
    expect(useEditorUiStore().helpOpen).toBe(true)
    hint.unmount()
    localStorage.clear()
    setActivePinia(createPinia())
    const second = mount(ShortcutHint, { attachTo: document.body })
    expect(second.find('[data-testid="shortcut-hint"]').exists()).toBe(true)
    second.unmount()
    await flushPromises()
    // Closing the first task counts as seen.
    expect(localStorage.getItem(reviewPrefKeys.shortcutHint)).toBe('1')
  })
})

describe('find (item 9)', () => {
  it('goes to the first match at or after the cursor as you type, counts "n of m", and steps with Enter / Shift+Enter, wrapping', async () => {
    const editor = await openSample()
    const segments = editor.model!.segments
    // The cursor in the second segment ("Click any word to jump there, …").
    editor.goTo(segments[1]!.id, 0)
    const find = keep(mount(FindReplace, { attachTo: document.body }))
    const input = find.get('[data-testid="find-input"]')
    await input.setValue('the')
    await flushPromises()
    const all = findMatches(editor.model!, { text: 'the', regex: false, wholeWord: false, caseSensitive: false })
    const first = all.findIndex((m) => m.segmentIndex === 1)
    expect(first).toBeGreaterThan(0)
    expect(find.get('[data-testid="find-count"]').text()).toBe(`${first + 1} of ${all.length}`)
    expect(editor.cursor!.segmentId).toBe(segments[1]!.id)
    expect(segments[1]!.words[editor.cursor!.wordIndex]!.text).toBe('there,')
    // The current match is marked for the transcript apart from the others.
    expect(useEditorUiStore().findCurrent).toEqual({ segmentId: segments[1]!.id, words: new Set([editor.cursor!.wordIndex]) })
    await input.trigger('keydown', { key: 'Enter' })
    expect(find.get('[data-testid="find-count"]').text()).toBe(`${first + 2} of ${all.length}`)
    await input.trigger('keydown', { key: 'Enter', shiftKey: true })
    await input.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(find.get('[data-testid="find-count"]').text()).toBe(`${first} of ${all.length}`)
    for (let i = 0; i < first; i++) await input.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(find.get('[data-testid="find-count"]').text()).toBe(`${all.length} of ${all.length}`)
    await input.trigger('keydown', { key: 'Enter' })
    expect(find.get('[data-testid="find-count"]').text()).toBe(`1 of ${all.length}`)
  })

  it('firstMatchFrom: at or after the cursor word, wrapping to the first, the start without a cursor', async () => {
    const editor = await openSample()
    const model = editor.model!
    const all = findMatches(model, { text: 'the', regex: false, wholeWord: false, caseSensitive: false })
    expect(firstMatchFrom(model, all, null)).toBe(0)
    const last = model.segments[model.segments.length - 1]!
    expect(firstMatchFrom(model, all, { segmentId: last.id, wordIndex: last.words.length - 1 })).toBe(0)
    expect(firstMatchFrom(model, [], null)).toBe(-1)
  })
})

describe('the header and the document pane (small items)', () => {
  it('the header shows the external id and the speakers as exports label them', async () => {
    const data = { ...sampleExport(), externalId: 'EXT-42' }
    const body = data.transcript as TranscriptBody
    body.speakers![0] = { ...body.speakers![0]!, speakerPrefix: 'Q: ', speakerSuffix: ' (host)' }
    await openSample(data)
    const header = keep(mount(TaskHeader, { props: { task: useTaskStore().opened! } }))
    expect(header.get('[data-testid="task-external-id"]').text()).toBe('EXT-42')
    expect(header.get('[data-testid="task-speakers"]').text()).toContain('Q: Ana Ribeiro (host)')
  })

  it('beside a transcript, the empty document pane says what it is for', async () => {
    await openSample()
    const pane = keep(mount(DocumentPane, { props: { besideTranscript: true } }))
    await flushPromises()
    expect(pane.get('[data-testid="document-purpose"]').text()).toContain('document tasks')
    const alone = keep(mount(DocumentPane))
    await flushPromises()
    expect(alone.find('[data-testid="document-purpose"]').exists()).toBe(false)
  })
})
