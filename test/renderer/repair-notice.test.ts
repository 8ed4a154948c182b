import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import TranscriptNotices from '../../renderer/src/components/editor/TranscriptNotices.vue'
import { repairSummary } from '../../renderer/src/lib/repair-summary'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import type { NormaliseIssue } from '../../shared/transcript'
import { overlappingUnsorted, unknownSpeaker } from '../fixtures/edge-cases'
import { installFakeSdte, openedSample } from './support/fake-sdte'

/*
 * The notice bar says, in one dismissable line, what normalise repaired on load, counted by
 * kind from the issues it reported; a task it repaired nothing in shows no such line.
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
    ['one of a kind', ['segment-overlap'], 'Repaired on load: 1 overlapping segment.'],
    ['counts by kind, in the order first reported', ['segment-overlap', 'words-mismatch', 'segment-overlap', 'unknown-speaker', 'words-mismatch', 'segment-overlap'], 'Repaired on load: 3 overlapping segments, 2 segments whose words were matched to their text, 1 unknown speaker named.']
  ])('%s', (_name, kinds, expected) => {
    const out = repairSummary(kinds.map(issue))
    if (expected === null) expect(out).toBeNull()
    else expect(out).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} The text was kept`))
  })
})

describe('the repair notice', () => {
  it('counts what normalise repaired in the loaded task, and can be dismissed', async () => {
    const wrapper = await openWith(overlappingUnsorted)
    const kinds = useEditorStore().model!.issues.map((i) => i.kind)
    expect(kinds).toContain('segment-overlap')
    const notice = wrapper.get('[data-testid="repair-notice"]')
    const overlaps = kinds.filter((k) => k === 'segment-overlap').length
    expect(notice.text()).toMatch(/^Repaired on load: /)
    expect(notice.text()).toContain('segments put in time order')
    expect(notice.text()).toContain(overlaps === 1 ? '1 overlapping segment' : `${overlaps} overlapping segments`)
    await notice.get('button[aria-label="Dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="repair-notice"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('comes back for the next task opened', async () => {
    const wrapper = await openWith(overlappingUnsorted)
    await wrapper.get('[data-testid="repair-notice"] button[aria-label="Dismiss"]').trigger('click')
    useTaskStore().opened = { ...openedSample(), data: JSON.parse(JSON.stringify(unknownSpeaker)) }
    await flushPromises()
    expect(wrapper.get('[data-testid="repair-notice"]').text()).toContain('Repaired on load: 1 unknown speaker named.')
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
