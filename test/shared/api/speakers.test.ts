import { describe, expect, it } from 'vitest'
import { describeChange, mergesOf, planSpeakerChanges, readSpeakers, speakerWriteBody, type DraftSpeaker, type PlatformSpeaker } from '../../../shared/api/speakers'
import { normaliseTranscript } from '../../../shared/transcript'
import { mergeSpeakers, renameSpeaker } from '../../../shared/transcript/edit-speakers'
import { sampleTranscriptTask } from '../../fake-api/seeds'
import type { TranscriptExport } from '../../../shared/api/transcript-export'

const sp = (speakerId: string, name: string, prefix = '', suffix = ''): PlatformSpeaker => ({ speakerId, name, prefix, suffix, isDefault: false })
const d = (id: string, name: string, prefix = '', suffix = ''): DraftSpeaker => ({ id, name, prefix, suffix })

describe('planSpeakerChanges', () => {
  it.each<[string, DraftSpeaker[], PlatformSpeaker[], { fromId: string; intoId: string }[], Array<Record<string, unknown>>, number]>([
    ['nothing to do', [d('a', 'Ann')], [sp('a', 'Ann')], [], [], 1],
    ['add', [d('a', 'Ann'), d('b', 'Bob')], [sp('a', 'Ann')], [], [{ kind: 'add', speakerId: 'b', after: { name: 'Bob' } }], 1],
    ['rename the name', [d('a', 'Anne')], [sp('a', 'Ann')], [], [{ kind: 'rename', fields: ['name'], after: { name: 'Anne' } }], 0],
    ['change the prefix', [d('a', 'Ann', 'Dr')], [sp('a', 'Ann')], [], [{ kind: 'rename', fields: ['prefix'] }], 0],
    ['change the suffix', [d('a', 'Ann', '', 'MP')], [sp('a', 'Ann', '', 'QC')], [], [{ kind: 'rename', fields: ['suffix'], before: { suffix: 'QC' } }], 0],
    ['all three', [d('a', 'B', 'C', 'D')], [sp('a', 'x')], [], [{ kind: 'rename', fields: ['name', 'prefix', 'suffix'] }], 0],
    ['remove', [d('a', 'Ann')], [sp('a', 'Ann'), sp('b', 'Bob')], [], [{ kind: 'remove', speakerId: 'b' }], 1],
    ['merge', [d('a', 'Ann')], [sp('a', 'Ann'), sp('b', 'Bob')], [{ fromId: 'b', intoId: 'a' }], [{ kind: 'merge', speakerId: 'b', intoId: 'a', intoName: 'Ann' }], 1],
    ['merge into a speaker the draft lacks reads as remove', [d('a', 'Ann')], [sp('a', 'Ann'), sp('b', 'Bob')], [{ fromId: 'b', intoId: 'zz' }], [{ kind: 'remove', speakerId: 'b' }], 1],
    ['GUIDs match in any case, the server spelling is kept', [d('abc-def', 'Ann')], [sp('ABC-DEF', 'A')], [], [{ kind: 'rename', speakerId: 'ABC-DEF', after: { speakerId: 'ABC-DEF' } }], 0],
    ['order: add, rename, then merge/remove', [d('n', 'New'), d('a', 'A2')], [sp('a', 'A'), sp('x', 'X')], [], [{ kind: 'add' }, { kind: 'rename' }, { kind: 'remove' }], 0]
  ])('%s', (_name, draft, server, merges, expected, unchanged) => {
    const plan = planSpeakerChanges(1, 2, draft, server, merges)
    expect(plan.changes).toHaveLength(expected.length)
    plan.changes.forEach((c, i) => expect(c).toMatchObject(expected[i]))
    expect(plan.unchanged).toBe(unchanged)
    for (const c of plan.changes) expect(describeChange(c)).toContain(c.speakerId)
  })
})

describe('readSpeakers', () => {
  it.each([
    ['wrapped', { speakers: [{ speakerId: 'a', speakerName: 'Ann', speakerPrefix: 'Dr', isDefault: true }] }],
    ['bare array', [{ speakerId: 'a', speakerName: 'Ann', speakerPrefix: 'Dr', isDefault: true }]],
    ['PascalCase', { Speakers: [{ SpeakerId: 'a', SpeakerName: 'Ann', SpeakerPrefix: 'Dr', IsDefault: true }] }]
  ])('%s', (_name, body) => {
    expect(readSpeakers(body)).toEqual([{ speakerId: 'a', name: 'Ann', prefix: 'Dr', suffix: '', isDefault: true }])
  })
  it('skips entries without an id and refuses a non-list', () => {
    expect(readSpeakers([{ speakerName: 'x' }])).toEqual([])
    expect(readSpeakers({ nope: [] })).toBeNull()
  })
  it('writes the wrapped body the docs show', () => {
    expect(speakerWriteBody(sp('a', 'Ann'))).toEqual({ speakers: [{ speakerId: 'a', speakerName: 'Ann', speakerPrefix: '', speakerSuffix: '', isDefault: false }] })
  })
})

describe('mergesOf a real model', () => {
  it('finds the merge the editor made and plans it against the server list', () => {
    const exp = sampleTranscriptTask().body as unknown as TranscriptExport
    const model = normaliseTranscript(exp)
    const [a, b] = model.speakers
    const merged = renameSpeaker(mergeSpeakers(model, b.id, a.id), a.id, 'Host')
    const merges = mergesOf(merged)
    expect(merges).toEqual([{ fromId: b.id, intoId: a.id }])
    const server = model.speakers.map((s) => sp(s.id, s.name))
    const plan = planSpeakerChanges(1001, 7, merged.speakers.map((s) => d(s.id, s.name, s.prefix, s.suffix)), server, merges)
    expect(plan.changes.map((c) => c.kind)).toEqual(['rename', 'merge'])
  })
})
