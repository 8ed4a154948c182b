import type { QueueReason } from '../../shared/review/queue/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { i18n } from '../../renderer/src/i18n'
import { reasonsText } from '../../renderer/src/lib/queue-labels'
import FinishReview from '../../renderer/src/components/workflow/FinishReview.vue'

/*
 * The review features in European Portuguese (i18n part B): the Finish review checklist words
 * its codes and figures in the chosen language ("73 %", plurals) and follows a language change
 * while open; queue reasons show a decimal comma ("2,5 s").
 */

let wrapper: VueWrapper | null = null

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  const fake = installFakeSdte()
  fake.handlers['finish:getSettings'] = () => ({ ok: true, value: { formats: ['srt'], folder: null } })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function open(props: Record<string, unknown>): Promise<VueWrapper> {
  useTaskStore().opened = openedSample()
  useEditorStore()
  await nextTick()
  wrapper = mount(FinishReview, { props, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const line = (w: VueWrapper, id: string) => w.get(`[data-testid="finish-line-${id}"]`).text()

describe('Finish review in Portuguese', () => {
  it('words the checklist with a pt-PT percentage and plurals, and follows a language change', async () => {
    i18n.global.locale.value = 'pt-PT'
    const w = await open({ heardPercent: 73.6, firstUnheardMs: 4200, queueLeft: { count: 1, first: { segmentId: 's1', ms: 4600 } } })
    expect(line(w, 'heard')).toContain('Áudio ouvido')
    expect(line(w, 'heard')).toMatch(/Ouvido 73\s?%/)
    expect(line(w, 'queue')).toContain('falta 1 item')
    expect(line(w, 'unreviewed')).toContain('4 segmentos de 4 por marcar como revistos')
    expect(w.get('[data-testid="finish-folder"]').text()).toBe('ainda não escolhida')
    expect(w.get('[data-testid="finish-summary"]').text()).toMatch(/^\d+ itens em aberto$/)

    i18n.global.locale.value = 'en'
    await nextTick()
    expect(line(w, 'heard')).toContain('Heard 73%')
    expect(line(w, 'queue')).toContain('1 item left')
  })
})

describe('review queue reasons', () => {
  it('show figures with a decimal comma in Portuguese and the English wording in English', () => {
    const reasons: QueueReason[] = [
      { signal: 'long-silence' as const, detail: '2.5 s silence before', note: { code: 'silence' as const, values: { seconds: 2.5 } } },
      { signal: 'low-confidence' as const, detail: 'confidence 41%', note: { code: 'confidence' as const, values: { percent: 0.41 } } }
    ]
    i18n.global.locale.value = 'pt-PT'
    expect(reasonsText(reasons)).toMatch(/^Silêncio longo \(2,5 s de silêncio antes\) · Confiança baixa \(confiança de 41\s?%\)$/)
    i18n.global.locale.value = 'en'
    expect(reasonsText(reasons)).toBe('Long silence (2.5 s silence before) · Low confidence (confidence 41%)')
  })
})
