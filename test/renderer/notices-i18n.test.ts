import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import DocumentPane from '../../renderer/src/components/DocumentPane.vue'
import QcPanel from '../../renderer/src/components/export/QcPanel.vue'
import { i18n } from '../../renderer/src/i18n'
import { noticeMessage } from '../../renderer/src/lib/notice-message'
import { kindReason } from '../../renderer/src/lib/task-kind-reason'
import { repairItems } from '../../renderer/src/lib/repair-summary'
import { normaliseTranscript } from '../../shared/transcript'
import { annotationsOutside } from '../fixtures/edge-cases'
import { documentExportSchema } from '../../shared/api/document-export'
import { taskKindOf } from '../../shared/api/task-kind'
import { readWorkspaces } from '../../shared/api/task-list'
import { notice, noticeText } from '../../shared/i18n/notices'
import { presets, runQc } from '../../shared/subtitles'
import type { QcReport } from '../../shared/subtitles'
import { installFakeSdte } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * Texts built in shared/ as codes and parameters (docs/i18n.md "Notices"), shown in European
 * Portuguese: a QC breach with a decimal comma, a document warning, a cutter notice with a
 * phrase inside it, a task-kind reason; and the same notice in English for sdte.
 */

let fake: FakeSdte
beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  i18n.global.locale.value = 'pt-PT'
})
afterEach(() => {
  i18n.global.locale.value = 'en'
})

// One cue read too fast (30 chars in 1.3 s: 23.1 chars/s against netflix-en's 20).
const fastCue = { startMs: 3_723_004, endMs: 3_724_304, lines: ['Thirty characters in one line'] }
const report = (): QcReport => runQc([fastCue], presets['netflix-en'])

describe('a QC breach in Portuguese', () => {
  it('the QC panel words it with a decimal comma and the timecode as written; English again after a switch', async () => {
    const r = report()
    expect(r.breaches.map((b) => [b.rule, b.figure])).toEqual([['reading-speed', 22.3]])
    const wrapper = mount(QcPanel, { props: { options: {}, report: r } })
    expect(wrapper.get('[data-testid="qc-breach"]').text()).toBe('Legenda 1 em 01:02:03,004: velocidade de leitura de 22,3 car./s, acima do limite de 20 car./s')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(wrapper.get('[data-testid="qc-breach"]').text()).toBe('Cue 1 at 01:02:03,004: reading speed 22.3 chars/s, over the limit of 20 chars/s')
    wrapper.unmount()
  })
})

describe('a document warning in Portuguese', () => {
  it('the document pane lists the flattened export’s warnings translated, user names as they came', async () => {
    const body = {
      taskId: 6,
      chunks: [{ entities: [{ type: 'table', groupName: 'Tabela partida', table: null }, { type: 'signature', groupName: 'Assinatura', keyValues: [] }] }]
    }
    fake.handlers['tasks:openDocument'] = () => ({ ok: true, value: { origin: 'api', fileName: null, data: documentExportSchema.parse(body) } })
    fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: { status: 'none' } })
    const wrapper = mount(DocumentPane, { attachTo: document.body })
    await wrapper.get('[data-testid="document-ref-input"]').setValue('6')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const warnings = wrapper.get('.warnings').findAll('li').map((li) => li.text())
    expect(warnings).toEqual(['A tabela “Tabela partida” não tem dados de tabela.', 'A entidade “Assinatura” tem um tipo desconhecido “signature”; mostra-se o que contém.'])
    wrapper.unmount()
  })
})

describe('notices with phrases, numbers and ids', () => {
  it('a refused decision words its nested reason in Portuguese; sdte’s English comes from the same notice', () => {
    const n = notice('cut.range-refused', { what: notice('cut.what.keep-together'), from: 'O', to: 'fim.', why: notice('cut.why.too-long', { lines: 2, chars: 42 }) })
    expect(noticeMessage(n)).toBe('Uma decisão de legendas (palavras mantidas juntas, “O” … “fim.”) iria não caber numa legenda (2 linhas de 42 caracteres); foi ignorada.')
    expect(noticeText(n)).toBe('The words kept together "O" … "fim." do not fit one cue (2 lines of 42 characters); left out.')
  })

  it('a clamped nudge’s ms in the locale, a task-kind reason with its ids left as they are', () => {
    expect(noticeMessage(notice('cut.nudge-in-clamped', { cue: 'Olá', ms: 1234.5 }))).toBe('O ajuste da entrada de “Olá” foi limitado a 1234,5 ms: as legendas à volta não deixam mais espaço.')
    const tenant = readWorkspaces([{ workspaceId: 13, tenantId: 3, workspaceName: 'X', isDefault: false, taskType: 99, workspaceType: 3, templateType: 42 }]) ?? []
    expect(kindReason(taskKindOf(13, tenant))).toBe('área de trabalho 13: sem nome de modelo, tipo de tarefa 99, tipo de modelo 42')
    expect(kindReason(taskKindOf(12345, tenant))).toBe('a área de trabalho 12345 não está entre as listadas')
  })
})

describe('normalise notices worded from their params', () => {
  it('an annotation without a start placed at the start and clamped ones, named by their numbers in Portuguese', () => {
    const exp = structuredClone(annotationsOutside)
    const annotations = exp.transcript!.annotations! as unknown as Array<Record<string, unknown>>
    annotations[0] = { ...annotations[0], start: null, end: null }
    const model = normaliseTranscript(exp)
    const items = repairItems(model.issues, model).map((i) => i.text)
    expect(items[0]).toBe('A anotação 1 não tem início ou fim; foi colocada no início da gravação.')
    expect(items.slice(1)).toEqual(['A anotação 2 estava fora da gravação (ou terminava antes de começar) e foi movida para dentro dela.', 'A anotação 3 estava fora da gravação (ou terminava antes de começar) e foi movida para dentro dela.'])
  })
})
