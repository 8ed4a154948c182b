import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import TranscriptNotices from '../../renderer/src/components/editor/TranscriptNotices.vue'
import { repairItems, repairSummary } from '../../renderer/src/lib/repair-summary'
import { usePlaybackStore } from '../../renderer/src/stores/playback-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import type { NormaliseIssue } from '../../shared/transcript'
import { annotationsOutside, overlappingUnsorted, unknownSpeaker } from '../fixtures/edge-cases'
import { installFakeSdte, openedSample } from './support/fake-sdte'

/*
 * The notice bar says, in one dismissable line and in a reviewer's words, what normalise fixed
 * when the task opened, counted by kind from the issues it reported; "Show where" lists each
 * fix, linked to its segment when it has one. A task it repaired nothing in shows no such line.
 * (The reviewer wording changed the wording from "Repaired on load: …"; the assertions follow it.)
 */

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
})

async function openWith(data: typeof overlappingUnsorted) {
  useTaskStore().opened = { ...openedSample(), data: JSON.parse(JSON.stringify(data)) }
  const wrapper = mount(TranscriptNotices)
  await flushPromises()
  return wrapper
}

const issue = (kind: NormaliseIssue['kind']): NormaliseIssue => ({ kind, message: '' })

describe('repairSummary', () => {
  it.each<[string, NormaliseIssue['kind'][], string | null]>([
    ['nothing repaired', [], null],
    ['task-wide notices and guesses are not repairs', ['no-transcript', 'transcript-flat', 'speaker-without-id', 'unit-guessed'], null],
    ['one of a kind', ['segment-overlap'], 'Fixed automatically when the task opened: 1 segment that overlapped the one before.'],
    ['counts by kind, in the order first reported', ['segment-overlap', 'words-mismatch', 'segment-overlap', 'unknown-speaker', 'words-mismatch', 'segment-overlap'], 'Fixed automatically when the task opened: 3 segments that overlapped the one before, 2 segments whose word timings did not match their text, 1 speaker missing from the speaker list.']
  ])('%s', (_name, kinds, expected) => {
    const out = repairSummary(kinds.map(issue))
    if (expected === null) expect(out).toBeNull()
    else expect(out).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Your text is unchanged`))
  })
})

describe('the repair notice', () => {
  it('counts what normalise repaired in the loaded task, and can be dismissed', async () => {
    const wrapper = await openWith(overlappingUnsorted)
    const kinds = useEditorStore().model!.issues.map((i) => i.kind)
    expect(kinds).toContain('segment-overlap')
    const notice = wrapper.get('[data-testid="repair-notice"]')
    const overlaps = kinds.filter((k) => k === 'segment-overlap').length
    expect(notice.text()).toMatch(/^Fixed automatically when the task opened: /)
    expect(notice.text()).not.toMatch(/normalis|repaired on load/i)
    expect(notice.text()).toContain('the segments put back in time order')
    expect(notice.text()).toContain(overlaps === 1 ? '1 segment that overlapped the one before' : `${overlaps} segments that overlapped the one before`)
    await notice.get('button[aria-label="Dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="repair-notice"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('comes back for the next task opened', async () => {
    const wrapper = await openWith(overlappingUnsorted)
    await wrapper.get('[data-testid="repair-notice"] button[aria-label="Dismiss"]').trigger('click')
    useTaskStore().opened = { ...openedSample(), data: JSON.parse(JSON.stringify(unknownSpeaker)) }
    await flushPromises()
    expect(wrapper.get('[data-testid="repair-notice"]').text()).toContain('Fixed automatically when the task opened: 1 speaker missing from the speaker list.')
    wrapper.unmount()
  })

  it('is not shown when nothing was repaired', async () => {
    const sample = openedSample()
    useTaskStore().opened = sample
    const wrapper = mount(TranscriptNotices)
    await flushPromises()
    const repaired = repairSummary(useEditorStore().model!.issues)
    expect(wrapper.find('[data-testid="repair-notice"]').exists()).toBe(repaired !== null)
    wrapper.unmount()
  })
})

describe('the list of fixes', () => {
  it('lists each fix; one with a segment jumps there (cursor and playhead), one without a place has no link', async () => {
    const wrapper = await openWith(overlappingUnsorted)
    const editor = useEditorStore()
    expect(wrapper.find('[data-testid="repair-item"]').exists()).toBe(false)
    const toggle = wrapper.get('[data-testid="repair-toggle"]')
    const located = editor.loadedIssues.filter((i) => i.segmentId !== undefined)
    expect(toggle.text()).toBe(`Show where (${repairItems(editor.loadedIssues, null).length})`)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const items = wrapper.findAll('[data-testid="repair-item"]')
    expect(items.length).toBe(repairItems(editor.loadedIssues, null).length)
    // "Put in time order" is about the whole list: listed, not linked.
    const unsorted = items.find((li) => li.text().includes('out of time order'))!
    expect(unsorted.find('[data-testid="repair-go"]').exists()).toBe(false)
    const links = wrapper.findAll('[data-testid="repair-go"]')
    expect(links.length).toBe(located.length)
    // The last link goes to its segment: the cursor moves there, the playhead to its start.
    const target = located[located.length - 1]!
    const index = editor.model!.segments.findIndex((s) => s.id === target.segmentId)
    const segment = editor.model!.segments[index]!
    expect(links[links.length - 1]!.text()).toMatch(new RegExp(`^Segment ${index + 1} · `))
    await links[links.length - 1]!.trigger('click')
    expect(editor.cursor?.segmentId).toBe(segment.id)
    expect(usePlaybackStore().timeMs).toBe(segment.startMs)
    wrapper.unmount()
  })

  it('an annotation fix is listed in plain words without a link', async () => {
    const wrapper = await openWith(annotationsOutside)
    await wrapper.get('[data-testid="repair-toggle"]').trigger('click')
    const items = wrapper.findAll('[data-testid="repair-item"]')
    expect(items.length).toBeGreaterThan(0)
    for (const li of items) {
      expect(li.text()).toMatch(/^Annotation \d+ /)
      expect(li.text()).not.toContain('clamped')
      expect(li.find('[data-testid="repair-go"]').exists()).toBe(false)
    }
    wrapper.unmount()
  })

  it('a fix whose segment was deleted since is listed without a link, and says so', () => {
    const issues: NormaliseIssue[] = [{ kind: 'segment-overlap', message: '', segmentId: 'gone' }]
    const [item] = repairItems(issues, useEditorStore().model ?? { segments: [] } as never)
    expect(item).toMatchObject({ segmentId: null, where: null })
    expect(item!.text).toContain('no longer in the transcript')
  })
})
