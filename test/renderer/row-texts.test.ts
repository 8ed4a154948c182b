import { afterEach, expect, it } from 'vitest'
import { i18n } from '../../renderer/src/i18n'
import { messageTemplate } from '../../renderer/src/lib/message-template'
import { rowTexts } from '../../renderer/src/lib/row-texts'
import { cueRowTexts } from '../../renderer/src/lib/cue-row-texts'
import { speedBadge } from '../../renderer/src/lib/speed-badge'
import { speakerChipStyle } from '../../renderer/src/lib/speaker-colors'
import { formatNumber } from '../../renderer/src/i18n/format'
import { resolvePreset } from '../../shared/subtitles'
import type { Segment } from '../../shared/transcript'

/*
 * A transcript row's texts are made once per language (lib/row-texts.ts) instead of asked of
 * vue-i18n at every render: they must read exactly as vue-i18n's own, in every language, with
 * any parameter value (markers, braces, the same parameter twice), and follow a change of language.
 */

afterEach(() => {
  i18n.global.locale.value = 'en'
})

const t = (key: string, named: Record<string, string> = {}): string => i18n.global.t(key, named)

it('a message template fills its parameters as vue-i18n does, in any order and any number of times', () => {
  const messages: Record<string, string> = { twice: '{a} and {b}, then {a} again', none: 'No parameters', edge: '{a}' }
  const translate = (key: string, named: Record<string, string>): string => messages[key].replace(/\{(\w+)\}/g, (_, n: string) => named[n])
  expect(messageTemplate(translate, 'twice', ['a', 'b'])({ a: 'X', b: '{b}' })).toBe('X and {b}, then X again')
  expect(messageTemplate(translate, 'none', [])({})).toBe('No parameters')
  expect(messageTemplate(translate, 'edge', ['a'])({ a: '' })).toBe('')
  expect(messageTemplate(translate, 'edge', ['a'])({ a: '\uE0001\uE001' })).toBe('\uE0001\uE001')
})

for (const locale of ['en', 'pt-PT'] as const) {
  it(`a row's texts read as vue-i18n's in ${locale}`, () => {
    i18n.global.locale.value = locale
    const r = rowTexts()
    const speaker = 'Ana {speaker} Silva'
    const time = '1:02:03.4'
    expect(r.label(speaker, time, false, false, false)).toBe(t('frame.row.label', { speaker, time }))
    expect(r.label(speaker, time, true, true, true)).toBe(t('frame.row.label', { speaker, time }) + t('frame.row.reviewedSuffix') + t('frame.row.secondPassSuffix') + t('frame.row.noteSuffix'))
    expect(r.speakerChip(speaker)).toBe(t('frame.row.speakerChip', { speaker }))
    expect(r.playFrom(time)).toBe(t('frame.row.playFrom', { time }))
    expect(r.textOf(time)).toBe(t('frame.row.textOf', { time }))
    expect(r.deleteAt(time)).toBe(t('frame.row.deleteAt', { time }))
    for (const k of ['noWords', 'reviewedTitle', 'markReviewed', 'reviewed', 'review', 'delete'] as const) expect(r[k]).toBe(t(`frame.row.${k}`))
    expect(r.deleteSegment).toBe(t('frame.pane.deleteSegment'))
    expect(r.unknownSpeaker).toBe(t('frame.pane.unknownSpeaker'))
    const keys = { unreviewed: 'unreviewed', reviewed: 'reviewed', 'second-pass': 'secondPass' } as const
    for (const [status, key] of Object.entries(keys) as Array<[keyof typeof keys, string]>) {
      const word = t(`editorPanels.status.${key}`)
      expect(r.status[status]).toEqual({ word, label: t('editorPanels.status.label', { status: word }), title: t('editorPanels.status.title', { status: word }) })
    }
  })
}

it('the row texts, a speed badge and a chip style are kept (the same objects) until the language or the segment changes', () => {
  i18n.global.locale.value = 'en'
  expect(rowTexts()).toBe(rowTexts())
  const segment = { id: 's1', speakerId: 'a', startMs: 0, endMs: 3000, reviewed: false, words: [{ id: 'w1', text: 'Hello', startMs: 0, endMs: 1000, confidence: 0.9, estimated: false }, { id: 'w2', text: 'there', startMs: 1000, endMs: 3000, confidence: 0.9, estimated: false }] } as unknown as Segment
  const preset = resolvePreset('netflix-en')
  const badge = speedBadge(segment, preset)
  expect(badge?.text).toMatch(/chars\/s/)
  expect(speedBadge(segment, preset)).toBe(badge)
  expect(speedBadge({ ...segment }, preset)).not.toBe(badge)
  expect(speakerChipStyle(2)).toBe(speakerChipStyle(2))
  expect(speakerChipStyle(-1)).toEqual({ '--chip-h': '0', '--chip-s': '0%' })
  i18n.global.locale.value = 'pt-PT'
  expect(rowTexts().delete).toBe(t('frame.row.delete'))
  expect(speedBadge(segment, preset)).not.toBe(badge)
  expect(speedBadge(segment, preset)?.text).toMatch(/carateres\/s|caracteres\/s/)
})

for (const locale of ['en', 'pt-PT'] as const) {
  it(`a speed badge's text and tooltip read as vue-i18n's in ${locale}, in characters a second and in words a minute`, () => {
    i18n.global.locale.value = locale
    const segment = { id: 's2', speakerId: 'a', startMs: 0, endMs: 1300, reviewed: false, words: [{ id: 'w1', text: 'Well', startMs: 0, endMs: 500, confidence: 0.9, estimated: false }, { id: 'w2', text: 'then', startMs: 500, endMs: 1300, confidence: 0.9, estimated: false }] } as unknown as Segment
    for (const [name, key] of [['netflix-en', 'cueView.speedCps'], ['bbc', 'cueView.speedWpm']] as const) {
      const preset = resolvePreset(name)
      const badge = speedBadge({ ...segment }, preset)
      const n = badge?.text.match(/[\d.,]+/)?.[0] ?? ''
      expect(n).not.toBe('')
      expect(badge?.text).toBe(t(key, { n }))
      expect(badge?.title).toBe(t('cueView.speedTitle', { limit: formatNumber(preset.maxWordsPerMinute ?? preset.maxCharsPerSecond, 1) }))
    }
  })
}

for (const locale of ['en', 'pt-PT'] as const) {
  it(`a cue row's texts read as vue-i18n's in ${locale}`, () => {
    i18n.global.locale.value = locale
    const c = cueRowTexts()
    expect(c.cueLabel(12)).toBe(t('cueView.cueLabel', { n: '12' }))
    expect(c.duration('1,25')).toBe(t('cueView.duration', { s: '1,25' }))
    expect(c.chars(42)).toBe(t('cueView.chars', { n: '42' }))
    expect(c.speed('wpm', '181,5')).toBe(t('cueView.speedWpm', { n: '181,5' }))
    expect(c.speed('cps', '17.2')).toBe(t('cueView.speedCps', { n: '17.2' }))
    expect(c.speedTitle(17)).toBe(t('cueView.speedTitle', { limit: '17' }))
    for (const rule of ['reading-speed', 'min-gap', 'chars-per-line']) expect(c.rule(rule)).toBe(t(`notices.qc-rule.${rule}`))
    expect(c.severity).toEqual({ fine: t('cueView.fine'), soft: t('cueView.soft'), hard: t('cueView.hard') })
    expect([c.locked, c.broken, c.wordInput]).toEqual([t('cueView.locked'), t('cueView.broken'), t('cueView.wordInput')])
    expect(c.summary(1234, 5, 67)).toBe(t('cueView.summary', { cues: '1234', hard: '5', soft: '67' }))
    expect(c.recut(2.5)).toBe(t('cueView.recut', { ms: '2.5' }))
    for (const key of ['region', 'preset', 'updating', 'prevBreach', 'nextBreach'] as const) expect(c.bar[key]).toBe(t(`cueView.${key}`))
  })
}

it('cue row texts follow a change of language', () => {
  i18n.global.locale.value = 'en'
  const en = cueRowTexts().cueLabel(3)
  i18n.global.locale.value = 'pt-PT'
  expect(cueRowTexts().cueLabel(3)).not.toBe(en)
  expect(cueRowTexts().cueLabel(3)).toBe(t('cueView.cueLabel', { n: '3' }))
})
