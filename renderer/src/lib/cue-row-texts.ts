import { currentLocale, t } from '../i18n'
import { messageTemplate } from './message-template'
import type { Translate } from './message-template'

/*
 * Every text a cue row of the live cue view (and the view's bar) shows or says, made once per language (as
 * lib/row-texts.ts does for transcript rows): on Enter the edited cue, and the view's rows with
 * their labels, render again in the key's frame, and asking vue-i18n for each message at every
 * render was the largest share of that frame's script after the re-cut.
 */

/** A cue row's texts in one language. */
export interface CueRowTexts {
  /** The row's accessible name ("Cue 12"). */
  cueLabel(n: number): string
  duration(seconds: string): string
  chars(n: number): string
  speed(unit: 'wpm' | 'cps', n: string): string
  speedTitle(limit: number): string
  /** A QC rule's name (notices.qc-rule). */
  rule(name: string): string
  readonly severity: Readonly<Record<'fine' | 'soft' | 'hard', string>>
  readonly locked: string
  readonly broken: string
  readonly wordInput: string
  /** The view's bar: its counts and the last re-cut's time (they change with every edit). */
  summary(cues: number, hard: number, soft: number): string
  recut(ms: number): string
  /** The view's fixed words (region, preset, updating, previous and next breach). */
  readonly bar: Readonly<Record<'region' | 'preset' | 'updating' | 'prevBreach' | 'nextBreach', string>>
}

/** The cue row texts from `translate` (see the module comment). */
export function createCueRowTexts(translate: Translate): CueRowTexts {
  const cueLabel = messageTemplate(translate, 'cueView.cueLabel', ['n'])
  const duration = messageTemplate(translate, 'cueView.duration', ['s'])
  const chars = messageTemplate(translate, 'cueView.chars', ['n'])
  const wpm = messageTemplate(translate, 'cueView.speedWpm', ['n'])
  const cps = messageTemplate(translate, 'cueView.speedCps', ['n'])
  const speedTitle = messageTemplate(translate, 'cueView.speedTitle', ['limit'])
  const summary = messageTemplate(translate, 'cueView.summary', ['cues', 'hard', 'soft'])
  const recut = messageTemplate(translate, 'cueView.recut', ['ms'])
  const word = (key: string): string => translate(`cueView.${key}`, {})
  const rules = new Map<string, string>()
  return {
    cueLabel: (n) => cueLabel({ n: String(n) }),
    duration: (s) => duration({ s }),
    chars: (n) => chars({ n: String(n) }),
    speed: (unit, n) => (unit === 'wpm' ? wpm({ n }) : cps({ n })),
    speedTitle: (limit) => speedTitle({ limit: String(limit) }),
    rule(name) {
      let text = rules.get(name)
      if (text === undefined) rules.set(name, (text = translate(`notices.qc-rule.${name}`, {})))
      return text
    },
    severity: { fine: translate('cueView.fine', {}), soft: translate('cueView.soft', {}), hard: translate('cueView.hard', {}) },
    locked: translate('cueView.locked', {}),
    broken: translate('cueView.broken', {}),
    wordInput: translate('cueView.wordInput', {}),
    summary: (cues, hard, soft) => summary({ cues: String(cues), hard: String(hard), soft: String(soft) }),
    recut: (ms) => recut({ ms: String(ms) }),
    bar: { region: word('region'), preset: word('preset'), updating: word('updating'), prevBreach: word('prevBreach'), nextBreach: word('nextBreach') }
  }
}

const byLocale = new Map<string, CueRowTexts>()

/** The cue row texts in the language in use now (read in a computed or render, it follows a change of language). */
export function cueRowTexts(): CueRowTexts {
  const locale = currentLocale()
  let texts = byLocale.get(locale)
  if (!texts) byLocale.set(locale, (texts = createCueRowTexts((key, named) => t(key, named))))
  return texts
}
