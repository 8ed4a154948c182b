import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { installFakeSdte, sampleExport } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import { mergeSpeakers, normaliseTranscript, updateSpeaker } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript/model'
import { planSpeakerChanges, type PlatformSpeaker, type SpeakerPlan } from '../../shared/api/speakers'
import type { SpeakerApplyResult } from '../../shared/api/speaker-result'
import { retryPlan } from '../../renderer/src/stores/speaker-sync-store'
import SendSpeakersDialog from '../../renderer/src/components/workflow/SendSpeakersDialog.vue'

/*
 * "Send speakers…": the preview asks with the editor's current speakers and merges, lists what
 * is added, renamed (which fields), removed and merged; Send shows every speaker's outcome, and
 * "Try again" sends only what did not reach the server.
 */

let fake: FakeSdte
let wrapper: VueWrapper | null = null
let model: TranscriptModel
let server: PlatformSpeaker[]

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  const base = normaliseTranscript(sampleExport())
  const [a, b] = base.speakers
  // Rename the first (name and prefix), merge the second into it; the server also has a third.
  model = updateSpeaker(mergeSpeakers(base, b.id, a.id), a.id, { name: 'Host', prefix: 'Dr' })
  server = [
    ...base.speakers.map((s) => ({ speakerId: s.id, name: s.name, prefix: s.prefix, suffix: s.suffix, isDefault: false })),
    { speakerId: 'gone-1', name: 'Old Clerk', prefix: '', suffix: '', isDefault: false }
  ]
  fake.handlers['speakers:plan'] = (p) => {
    const req = p as { taskId: number; workspaceId: number; speakers: Array<{ id: string; name: string; prefix: string; suffix: string }>; merges: Array<{ fromId: string; intoId: string }> }
    const plan = planSpeakerChanges(req.taskId, req.workspaceId, [...req.speakers, { id: 'new-1', name: 'Narrator', prefix: '', suffix: '' }], server, req.merges)
    return { ok: true, value: { plan, workspaceSpeakers: [{ speakerId: 'ws-1', name: 'Chair', prefix: 'Hon.', suffix: '' }] } }
  }
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountDialog(): Promise<VueWrapper> {
  wrapper = mount(SendSpeakersDialog, { props: { taskId: 1001, workspaceId: 7, model }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

function result(plan: SpeakerPlan, outcomes: Record<string, SpeakerApplyResult['results'][number]['outcome']>): SpeakerApplyResult {
  const results = plan.changes.map((c) => ({ speakerId: c.speakerId, kind: c.kind, description: `${c.kind} ${c.speakerId}`, outcome: outcomes[c.speakerId] ?? 'done', ...(outcomes[c.speakerId] === 'failed' ? { message: 'The server refused it (400)' } : {}) }))
  return { taskId: plan.taskId, workspaceId: plan.workspaceId, results, complete: results.every((r) => r.outcome === 'done' || r.outcome === 'already') }
}

describe('send speakers', () => {
  it('asks with the editor’s speakers and merges, and previews every kind of change', async () => {
    const w = await mountDialog()
    const [a, b] = normaliseTranscript(sampleExport()).speakers
    expect(fake.callsTo('speakers:plan')).toEqual([{ taskId: 1001, workspaceId: 7, speakers: [{ id: a.id, name: 'Host', prefix: 'Dr', suffix: '' }], merges: [{ fromId: b.id, intoId: a.id }] }])
    expect(w.get('[data-testid="speakers-add"]').text()).toContain('Narrator')
    expect(w.get('[data-testid="speakers-rename"]').text()).toContain(`${a.name} → Dr Host (name, prefix)`)
    expect(w.get('[data-testid="speakers-remove"]').text()).toContain('Old Clerk')
    expect(w.get('[data-testid="speakers-merge"]').text()).toContain(`${b.name} into Host`)
    expect(w.text()).toContain('The workspace\'s speaker list (1)')
    expect(fake.callsTo('speakers:apply')).toHaveLength(0)
  })

  it('sends, shows each speaker’s outcome, and tries again only what failed', async () => {
    let plan: SpeakerPlan | null = null
    fake.handlers['speakers:apply'] = (p) => {
      plan = (p as { plan: SpeakerPlan }).plan
      return { ok: true, value: result(plan, { 'gone-1': 'failed', 'new-1': 'not-attempted' }) }
    }
    const w = await mountDialog()
    await w.get('[data-testid="speakers-send"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="speakers-summary"]').text()).toContain('Some changes did not reach the server')
    const lines = w.findAll('[data-testid="speaker-result"]').map((l) => l.text())
    expect(lines.find((l) => l.includes('gone-1'))).toMatch(/^Failed.*refused it \(400\)/)
    expect(lines.find((l) => l.includes('new-1'))).toMatch(/^Not attempted/)
    expect(lines.filter((l) => l.startsWith('Done'))).toHaveLength(lines.length - 2)

    fake.handlers['speakers:apply'] = (p) => {
      plan = (p as { plan: SpeakerPlan }).plan
      return { ok: true, value: result(plan, {}) }
    }
    await w.findAll('button').find((b) => b.text() === 'Try again')!.trigger('click')
    await flushPromises()
    expect(plan!.changes.map((c) => c.speakerId).sort()).toEqual(['gone-1', 'new-1'])
    expect(w.get('[data-testid="speakers-summary"]').text()).toBe('The server has these speakers now.')
    expect(w.findAll('[data-testid="speaker-result"]')).toHaveLength(lines.length)
    expect(w.findAll('button').some((b) => b.text() === 'Try again')).toBe(false)
  })

  it('says what went wrong when the preview cannot be made, and Try again asks again', async () => {
    const good = fake.handlers['speakers:plan']!
    fake.handlers['speakers:plan'] = () => ({ ok: false, error: { code: 'network', message: 'Cannot reach 127.0.0.1' } })
    const w = await mountDialog()
    expect(w.get('[data-testid="speakers-error"]').text()).toContain('Cannot reach 127.0.0.1')
    fake.handlers['speakers:plan'] = good
    await w.findAll('button').find((b) => b.text() === 'Try again')!.trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="speakers-rename"]').exists()).toBe(true)
  })

  it('retryPlan keeps failed, unknown and not-attempted changes only', () => {
    const plan = planSpeakerChanges(1, 7, [{ id: 'A', name: 'x', prefix: '', suffix: '' }, { id: 'b', name: 'new', prefix: '', suffix: '' }], [{ speakerId: 'a', name: 'y', prefix: '', suffix: '', isDefault: false }])
    const retry = retryPlan(plan, result(plan, { a: 'unknown', b: 'done' }))
    expect(retry.changes.map((c) => c.kind)).toEqual(['rename'])
  })
})
