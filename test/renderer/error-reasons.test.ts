import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { catalogues, i18n } from '../../renderer/src/i18n'
import { errorReasons, type ErrorReason } from '../../shared/error-reasons'
import ErrorBanner from '../../renderer/src/components/ErrorBanner.vue'
import StatusBar from '../../renderer/src/components/StatusBar.vue'
import { autosaveDelayMs, useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useLanguageStore } from '../../renderer/src/stores/language-store'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/*
 * Errors from main in the reviewer's language (issue 20): every reason main can send
 * (shared/error-reasons.ts) has English and Portuguese text with exactly its parameters; the
 * banner and the status bar say a disk-full draft save and an API 503 in Portuguese; an error
 * with no reason this version knows shows main's English, marked as English, with its code.
 */

type Tree = { readonly [key: string]: string | Tree }
const placeholders = (text: string): string[] => [...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]).sort()
const reasonsIn = (locale: 'en' | 'pt-PT') => ((catalogues[locale] as unknown as Tree).errors as Tree).reason as Record<string, string>

let fake: FakeSdte
beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
})
afterEach(() => {
  i18n.global.locale.value = 'en'
  vi.useRealTimers()
})

describe('error reasons', () => {
  const reasons = Object.keys(errorReasons) as ErrorReason[]

  it.each(reasons)('%s has English and Portuguese text with its parameters', (reason) => {
    const en = reasonsIn('en')[reason]
    const pt = reasonsIn('pt-PT')[reason]
    expect(en, `en: errors.reason.${reason}`).toMatch(/\S/)
    expect(pt, `pt-PT: errors.reason.${reason}`).toMatch(/\S/)
    expect(placeholders(en)).toEqual([...errorReasons[reason]].sort())
    expect(placeholders(pt)).toEqual([...errorReasons[reason]].sort())
  })

  it('the catalogues name no reason main cannot send', () => {
    expect(Object.keys(reasonsIn('en')).sort()).toEqual([...reasons].sort())
    expect(Object.keys(reasonsIn('pt-PT')).sort()).toEqual([...reasons].sort())
  })
})

describe('the error banner', () => {
  it('says an API 503 in Portuguese, from the reason and the status, with no English', () => {
    i18n.global.locale.value = 'pt-PT'
    const banner = mount(ErrorBanner, { props: { error: { code: 'server', message: 'The server answered HTTP 503 for the task list', reason: 'api_server', params: { status: 503 } } } })
    expect(banner.get('strong').text()).toBe('O SmartDocumentor teve um problema')
    expect(banner.get('[data-testid="error-message"]').text()).toBe('O SmartDocumentor respondeu com um erro (HTTP 503).')
    expect(banner.text()).not.toContain('server answered')
  })

  it('says a disk-full draft save in Portuguese with the draft’s path', () => {
    i18n.global.locale.value = 'pt-PT'
    const error = { code: 'io' as const, message: 'The draft for task 1 could not be written: the disk is full.', reason: 'disk_full' as const, params: { path: '/data/drafts/1.json' } }
    const banner = mount(ErrorBanner, { props: { error } })
    expect(banner.get('[data-testid="error-message"]').text()).toBe('O disco está cheio: não foi possível guardar /data/drafts/1.json.')
    expect(banner.text()).not.toContain('could not be written')
  })

  it('follows a change of language', async () => {
    const banner = mount(ErrorBanner, { props: { error: { code: 'unauthorized', message: 'Client ID or secret is wrong or has expired', reason: 'signin_rejected' } } })
    expect(banner.get('[data-testid="error-message"]').text()).toBe('The Client ID or secret is wrong or has expired.')
    i18n.global.locale.value = 'pt-PT'
    await flushPromises()
    expect(banner.get('[data-testid="error-message"]').text()).toBe('O ID de cliente ou o segredo de cliente está errado ou expirou.')
  })

  it('without a reason, shows main’s English marked as English, with the code; an unknown code is named', () => {
    i18n.global.locale.value = 'pt-PT'
    const banner = mount(ErrorBanner, { props: { error: { code: 'io', message: 'The decoder exploded.' } } })
    expect(banner.get('[data-testid="error-message"]').text()).toBe('Detalhes (io): The decoder exploded.')
    expect(banner.get('[lang="en"]').text()).toBe('The decoder exploded.')
    const unknown = mount(ErrorBanner, { props: { error: { code: 'quota_exceeded' as 'io', message: 'Over quota.' } } })
    expect(unknown.get('strong').text()).toBe('Algo correu mal (quota_exceeded)')
    expect(unknown.get('[lang="en"]').text()).toBe('Over quota.')
  })
})

describe('the status bar', () => {
  it('says a disk-full draft save in Portuguese, tooltip included, from main’s reason', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    // The status bar's language picker makes the language store (which applies the stored
    // preference) on mount: make it first, as the app does before mounting.
    useLanguageStore()
    i18n.global.locale.value = 'pt-PT'
    fake.handlers['drafts:save'] = () => ({ ok: false, error: { code: 'io', message: 'The draft for task 1 could not be written: the disk is full.', reason: 'disk_full', params: { path: '/data/drafts/1.json' } } })
    useTaskStore().opened = openedSample()
    const bar = mount(StatusBar)
    await flushPromises()
    const editor = useEditorStore()
    editor.toggleReviewed(editor.model!.segments[0].id)
    await flushPromises()
    vi.advanceTimersByTime(autosaveDelayMs)
    await flushPromises()
    const state = bar.get('[data-testid="save-state"]')
    expect(state.classes()).toContain('error')
    expect(state.text()).toBe(`Não guardado — ${i18n.global.t('editorPanels.saveFailure.diskFull')}. A tentar de novo…`)
    expect(state.attributes('title')).toBe('O disco está cheio: não foi possível guardar /data/drafts/1.json.')
    expect(editor.saveError).toContain('could not be written')
  })
})

describe('the language in the status bar', () => {
  it('changes the language while a task is open, as the start screen does, and tells main', async () => {
    localStorage.removeItem('sdte.language')
    useTaskStore().opened = openedSample()
    const bar = mount(StatusBar)
    await flushPromises()
    expect(bar.get('[data-testid="reviewed-progress"]').text()).toMatch(/reviewed/)
    await bar.get('[data-testid="status-language"]').setValue('pt-PT')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('pt-PT')
    expect(bar.get('[data-testid="reviewed-progress"]').text()).toMatch(/revisto/)
    expect(fake.callsTo('app:setLanguage').at(-1)).toEqual({ preference: 'pt-PT' })
    await bar.get('[data-testid="status-language"]').setValue('en')
    await flushPromises()
    expect(bar.get('[data-testid="reviewed-progress"]').text()).toMatch(/reviewed/)
    localStorage.removeItem('sdte.language')
    bar.unmount()
  })
})
