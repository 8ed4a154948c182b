import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { parseChangeSet } from '../../shared/review/change-set'
import FinishReview from '../../renderer/src/components/workflow/FinishReview.vue'

/*
 * Finish review's checklist and finishing: open lines with "Go to first", "not tracked" for
 * what the app does not track yet, "Finish anyway" only with a reason (kept in the change set),
 * every chosen format and the change set written into the chosen folder, a failed file shown
 * with a retry that redoes only it.
 */

let fake: FakeSdte
let wrapper: VueWrapper | null = null
let saved: Array<{ name: string; content: unknown }>

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = installFakeSdte()
  saved = []
  fake.handlers['finish:getSettings'] = () => ({ ok: true, value: { formats: ['srt', 'json'], folder: '/reviews' } })
  fake.handlers['finish:saveFile'] = (p) => {
    const req = p as { name: string; content: unknown }
    saved.push(req)
    return { ok: true, value: { path: `/reviews/${req.name}` } }
  }
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function open(props: Record<string, unknown> = {}): Promise<VueWrapper> {
  useTaskStore().opened = openedSample()
  // The editor store loads whatever task is opened.
  useEditorStore()
  await nextTick()
  wrapper = mount(FinishReview, { props, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const line = (w: VueWrapper, id: string) => w.get(`[data-testid="finish-line-${id}"]`)

describe('Finish review', () => {
  it('lists what is open, says "Not tracked" for coverage and the queue, and shows the folder and formats', async () => {
    const w = await open()
    expect(line(w, 'heard').text()).toContain('Not tracked')
    expect(line(w, 'queue').text()).toContain('Not tracked')
    expect(line(w, 'unreviewed').text()).toContain('4 segments of 4 not marked reviewed')
    expect(line(w, 'unreviewed').find('[data-testid="finish-goto-unreviewed"]').exists()).toBe(true)
    expect(line(w, 'qc').text()).toContain('netflix-en')
    expect(w.get('[data-testid="finish-folder"]').text()).toBe('/reviews')
    expect(w.get('[data-testid="finish-summary"]').text()).toMatch(/open item/)
  })

  it('takes coverage and the queue when given', async () => {
    const w = await open({ heardPercent: 40, firstUnheardMs: 5000, queueLeft: { count: 2, first: { segmentId: 's1', ms: 3000 } } })
    expect(line(w, 'heard').text()).toContain('Heard 40%')
    expect(line(w, 'queue').text()).toContain('2 items left')
  })

  it('"Go to first" closes the dialog and puts the cursor on the first open segment', async () => {
    const w = await open()
    const editor = useEditorStore()
    editor.toggleReviewed(editor.model!.segments[0].id)
    await flushPromises()
    await w.get('[data-testid="finish-goto-unreviewed"]').trigger('click')
    await flushPromises()
    expect(w.emitted('close')).toHaveLength(1)
    expect(editor.cursor?.segmentId).toBe(editor.model!.segments[1].id)
  })

  it('finishes anyway only with a reason, writes every format and the change set with the reason', async () => {
    const w = await open()
    await w.get('[data-testid="finish-anyway"]').trigger('click')
    await flushPromises()
    expect(saved).toEqual([])
    expect(w.get('[data-testid="finish-anyway"]').attributes('disabled')).toBeDefined()
    await w.get('[data-testid="finish-reason"]').setValue('Client needs it today; names checked')
    await w.get('[data-testid="finish-anyway"]').trigger('click')
    await flushPromises()
    expect(saved.map((s) => s.name)).toEqual(['Sample how the editor works.srt', 'Sample how the editor works.json', 'Sample how the editor works.change-set.json', 'Sample how the editor works.change-set.csv'])
    const set = parseChangeSet(JSON.parse(saved[2].content as string))
    expect(set.review.finishReason).toBe('Client needs it today; names checked')
    expect(set.review.heardMs).toBeNull()
    expect(w.get('[data-testid="finish-step-platform"]').text()).toContain('skipped')
    expect(w.findAll('[data-testid="finish-steps"] li').map((li) => li.classes()).filter((c) => c.includes('failed'))).toEqual([])
  })

  it('shows a failed file with what went wrong, keeps the others, and retries only it', async () => {
    let failNext = true
    fake.handlers['finish:saveFile'] = (p) => {
      const req = p as { name: string; content: unknown }
      if (req.name.endsWith('.srt') && failNext) {
        failNext = false
        return { ok: false, error: { code: 'io', message: 'Could not write the file: the disk is full.' } }
      }
      saved.push(req)
      return { ok: true, value: { path: `/reviews/${req.name}` } }
    }
    const w = await open()
    await w.get('[data-testid="finish-anyway"]').trigger('click')
    await w.get('[data-testid="finish-reason"]').setValue('deadline')
    await w.get('[data-testid="finish-anyway"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="finish-step-export:srt"]').text()).toContain('the disk is full')
    expect(saved.map((s) => s.name)).toEqual(['Sample how the editor works.json', 'Sample how the editor works.change-set.json', 'Sample how the editor works.change-set.csv'])
    await w.get('[data-testid="finish-retry"]').trigger('click')
    await flushPromises()
    expect(saved.map((s) => s.name).at(-1)).toBe('Sample how the editor works.srt')
    expect(saved).toHaveLength(4)
    expect(w.find('[data-testid="finish-retry"]').exists()).toBe(false)
  })

  it('saves the change set through the save dialog as JSON or CSV', async () => {
    const requests: Array<{ suggestedName: string; content: string; filter: { extensions: string[] } }> = []
    fake.handlers['files:save'] = (p) => {
      requests.push(p as never)
      return { ok: true, value: { path: `/chosen/${(p as { suggestedName: string }).suggestedName}` } }
    }
    const w = await open()
    await w.get('[data-testid="save-change-set-csv"]').trigger('click')
    await flushPromises()
    await w.get('[data-testid="save-change-set-json"]').trigger('click')
    await flushPromises()
    expect(requests.map((r) => [r.suggestedName, r.filter.extensions])).toEqual([
      ['Sample how the editor works.change-set.csv', ['csv']],
      ['Sample how the editor works.change-set.json', ['json']]
    ])
    expect(requests[0].content.startsWith('\uFEFFChange,Kind,')).toBe(true)
    // The sample's reviewed text already differs from its recogniser words in one place.
    expect(parseChangeSet(JSON.parse(requests[1].content)).wer.overall.wer).toBeGreaterThan(0)
    expect(w.text()).toContain('Change set saved: /chosen/Sample how the editor works.change-set.json')
  })
})
