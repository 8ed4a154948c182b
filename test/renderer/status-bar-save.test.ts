import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import StatusBar from '../../renderer/src/components/StatusBar.vue'
import { autosaveDelayMs, useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { describeSaveFailure } from '../../renderer/src/lib/save-failure'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/*
 * A failed draft save is retried on its own and the status bar says so
 * ("Not saved — disk full. Retrying…"), then "Draft saved" once a retry lands, with no edit between.
 */

let fake: FakeSdte
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  setActivePinia(createPinia())
  fake = installFakeSdte()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('status bar: draft saving', () => {
  it('says the save failed and is being retried, then that it is saved, with no edit in between', async () => {
    let diskFull = true
    fake.handlers['drafts:save'] = () =>
      diskFull
        ? { ok: false, error: { code: 'io', message: 'The draft for task 1 could not be written: ENOSPC: no space left on device, write' } }
        : { ok: true, value: { savedAt: Date.UTC(2026, 11, 6, 23, 0) } }
    useTaskStore().opened = openedSample()
    const bar = mount(StatusBar)
    await flushPromises()
    const editor = useEditorStore()
    const state = () => bar.get('[data-testid="save-state"]')
    expect(state().text()).toBe('No unsaved changes')

    editor.toggleReviewed(editor.model!.segments[0].id)
    await flushPromises()
    expect(state().text()).toBe('Unsaved changes')
    vi.advanceTimersByTime(autosaveDelayMs)
    await flushPromises()
    expect(state().text()).toBe('Not saved — disk full. Retrying…')
    expect(state().classes()).toContain('error')
    expect(state().attributes('title')).toContain('ENOSPC')

    // Still failing at the first retry; space freed before the second.
    vi.advanceTimersByTime(autosaveDelayMs * 2)
    await flushPromises()
    expect(fake.callsTo('drafts:save')).toHaveLength(2)
    expect(state().text()).toBe('Not saved — disk full. Retrying…')
    diskFull = false
    vi.advanceTimersByTime(autosaveDelayMs * 4)
    await flushPromises()
    expect(fake.callsTo('drafts:save')).toHaveLength(3)
    expect(state().text()).toMatch(/^Draft saved at /)
    expect(fake.callsTo('app:setUnsaved')).toEqual([{ unsaved: true }, { unsaved: false }])
  })

  it.each([
    ['ENOSPC: no space left on device', 'disk full'],
    ['EROFS: read-only file system', 'the disk is read-only'],
    ['EACCES: permission denied', 'no permission to write the drafts folder'],
    ['Something else', 'Something else'],
    [null, 'unknown error']
  ])('names the failure %s as "%s"', (message, text) => {
    expect(describeSaveFailure(message)).toBe(text)
  })
})
