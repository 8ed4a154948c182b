import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { installFakeSdte } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import MarkReviewed from '../../renderer/src/components/workflow/MarkReviewed.vue'

/*
 * "Mark as reviewed": sends the setting's value, says whether the server took it; the value is
 * editable (non-empty, at most 32 characters, refused before anything is sent).
 */

let fake: FakeSdte
let wrapper: VueWrapper | null = null
let stored = 'reviewed'

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  stored = 'reviewed'
  Object.assign(fake.handlers, {
    'settings:getReviewStatus': () => ({ ok: true, value: { value: stored } }),
    'settings:setReviewStatus': (p: unknown) => {
      stored = (p as { value: string }).value
      return { ok: true, value: { value: stored } }
    },
    'tasks:markReviewed': (p: unknown) => ({ ok: true, value: { value: (p as { value: string }).value, path: '/api/v1.0/external/sdtask/externalIntegrationStatus' } })
  })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountMark(): Promise<VueWrapper> {
  wrapper = mount(MarkReviewed, { props: { taskId: 1001 }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('mark as reviewed', () => {
  it('marks the task with the setting’s value and says so', async () => {
    const w = await mountMark()
    await w.get('[data-testid="mark-reviewed-button"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('tasks:markReviewed')).toEqual([{ ref: { taskId: 1001 }, value: 'reviewed' }])
    expect(w.get('[data-testid="mark-reviewed-done"]').text()).toBe('Marked “reviewed” on the server.')
  })

  it('says why when the server refuses', async () => {
    fake.handlers['tasks:markReviewed'] = () => ({ ok: false, error: { code: 'not_found', message: 'Task 1001 was not found' } })
    const w = await mountMark()
    await w.get('[data-testid="mark-reviewed-button"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="mark-reviewed-failed"]').text()).toBe('Not marked: Task 1001 was not found')
  })

  it('edits the value: empty and too long are refused before sending; a good one is saved and used', async () => {
    const w = await mountMark()
    await w.get('[data-testid="review-status-edit"]').trigger('click')
    const input = w.get('[data-testid="review-status-input"]')
    await input.setValue('   ')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('The review status must not be empty.')
    await input.setValue('x'.repeat(33))
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('at most 32 characters')
    expect(fake.callsTo('settings:setReviewStatus')).toHaveLength(0)
    await input.setValue(' checked-by-qa ')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('settings:setReviewStatus')).toEqual([{ value: 'checked-by-qa' }])
    await w.get('[data-testid="mark-reviewed-button"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('tasks:markReviewed').at(-1)).toEqual({ ref: { taskId: 1001 }, value: 'checked-by-qa' })
  })
})
