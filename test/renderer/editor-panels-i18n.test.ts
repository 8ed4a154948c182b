import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte } from './support/fake-sdte'
import { i18n } from '../../renderer/src/i18n'
import DraftPrompt from '../../renderer/src/components/editor/DraftPrompt.vue'
import CoverageLane from '../../renderer/src/components/editor/CoverageLane.vue'
import { useCoverageStore } from '../../renderer/src/stores/coverage-store'
import ShortcutHelp from '../../renderer/src/components/editor/ShortcutHelp.vue'
import { wordMarkTitle } from '../../renderer/src/lib/word-marks'
import { repairSummary } from '../../renderer/src/lib/repair-summary'
import { editorMessages } from '../../renderer/src/lib/editor-messages'
import { shortcutDefinitions } from '../../renderer/src/lib/shortcuts'
import type { NormaliseIssue } from '../../shared/transcript'

/*
 * The editor's panels and messages in European Portuguese (docs/i18n.md): dates and percentages
 * in the pt-PT way (decimal comma, "70 %"), plurals by count, and texts built outside components
 * (shortcut labels, notice-bar sentences) read again when the language changes.
 */

beforeEach(() => {
  localStorage.clear()
  installFakeSdte()
  setActivePinia(createPinia())
})

const pt = (): void => {
  i18n.global.locale.value = 'pt-PT'
}

describe('the editor panels in Portuguese', () => {
  it('the draft prompt dates the draft the pt-PT way', async () => {
    pt()
    const savedAt = Date.UTC(2026, 11, 7, 14, 5)
    const wrapper = mount(DraftPrompt, { props: { offer: { savedAt, comparison: 'same-export' } } })
    const expected = new Intl.DateTimeFormat('pt-PT', { dateStyle: 'medium', timeStyle: 'short' }).format(savedAt)
    expect(wrapper.get('time').text()).toBe(expected)
    // Day before month in pt-PT ("07/12/2026, 14:05" with Node's ICU), month first in English.
    expect(expected).toMatch(/^0?7\D/)
    expect(expected).not.toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(savedAt))
    expect(wrapper.get('p').text()).toBe(`Existe um rascunho guardado em ${expected}. Restaure-o para continuar onde ficou. A transcrição fica só de leitura até escolher.`)
    expect(wrapper.get('[data-testid="draft-restore"]').text()).toBe('Restaurar rascunho')
    wrapper.unmount()
  })

  it('a word’s tooltip gives its confidence as a pt-PT percentage', () => {
    pt()
    const title = wordMarkTitle({ confidence: 0.425, estimated: true }, true, 0.7)
    const percent = (n: number) => new Intl.NumberFormat('pt-PT', { style: 'percent' }).format(n)
    expect(title).toBe(`Baixa confiança: ${percent(0.43)} (abaixo de ${percent(0.7)})\nTempo estimado: esta palavra não tinha tempo próprio na exportação`)
    i18n.global.locale.value = 'en'
    expect(wordMarkTitle({ confidence: 0.425, estimated: false }, true, 0.7)).toBe('Low confidence: 43% (below 70%)')
  })

  it('the coverage lane writes the playback rate with a decimal comma', async () => {
    useCoverageStore().setMaxRate(1.5)
    const wrapper = mount(CoverageLane)
    expect(wrapper.get('[data-testid="coverage-lane"]').attributes('title')).toContain('at up to 1.5×')
    pt()
    await nextTick()
    const lane = wrapper.get('[data-testid="coverage-lane"]')
    expect(lane.attributes('title')).toContain('até 1,5×')
    expect(lane.attributes('aria-label')).toBe(`Áudio ouvido: ${new Intl.NumberFormat('pt-PT', { style: 'percent' }).format(0)}`)
    wrapper.unmount()
  })

  it('the repair summary counts with plural forms in either language', () => {
    const issues: NormaliseIssue[] = [
      { kind: 'segment-overlap', message: '', segmentId: 'a' },
      { kind: 'segment-overlap', message: '', segmentId: 'b' },
      { kind: 'words-missing', message: '', segmentId: 'c' }
    ]
    expect(repairSummary(issues)).toMatch(/^Fixed automatically when the task opened: 2 segments that overlapped the one before, 1 segment with no word timings/)
    pt()
    expect(repairSummary(issues)).toMatch(/^Corrigido automaticamente ao abrir a tarefa: 2 segmentos que se sobrepunham ao anterior, 1 segmento sem tempos de palavra/)
  })

  it('messages and shortcut labels built outside components follow a change of language', () => {
    expect(editorMessages.readOnly.text).toMatch(/^Choose “Restore draft”/)
    expect(shortcutDefinitions.find((d) => d.action === 'speaker3')?.label).toBe('Speaker 3 for the current segment (or the selected words)')
    pt()
    expect(editorMessages.readOnly.text).toMatch(/^Escolha primeiro “Restaurar rascunho”/)
    expect(editorMessages.segmentDeleted(() => 'Ctrl+Z').text).toBe('Segmento eliminado — Ctrl+Z para anular')
    expect(shortcutDefinitions.find((d) => d.action === 'speaker3')?.label).toBe('Orador 3 para o segmento atual (ou as palavras selecionadas)')
  })

  it('the shortcut help switches language while open; key names stay as they are', async () => {
    const wrapper = mount(ShortcutHelp, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Keyboard shortcuts')
    expect(wrapper.text()).toContain('Playback')
    pt()
    await nextTick()
    expect(wrapper.get('h2').text()).toBe('Atalhos de teclado')
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Reprodução', 'Navegação', 'Edição', 'Oradores', 'Outros', 'Tarefa'])
    expect(wrapper.text()).toContain('O segmento começa 0,1 s mais cedo')
    expect(wrapper.text()).toContain('Ctrl+Z')
    expect(wrapper.text()).not.toContain('Playback')
    wrapper.unmount()
  })
})
