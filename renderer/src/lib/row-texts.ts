import { currentLocale, t } from '../i18n'
import { messageTemplate } from './message-template'
import type { Translate } from './message-template'

/*
 * Every text a transcript row shows or says (labels, tooltips, button words), made once per
 * language: a row renders as it scrolls in, and asking vue-i18n for its ~11 messages each time
 * was a visible share of a scroll frame (issue 21). Parameterised messages become plain
 * functions (lib/message-template.ts).
 */

/** A row's texts in one language. */
export interface RowTexts {
  /** The row's accessible name ("Ben C., 0:01:02.3, reviewed"). */
  label(speaker: string, time: string, reviewed: boolean, secondPass: boolean, note: boolean): string
  speakerChip(speaker: string): string
  playFrom(time: string): string
  textOf(time: string): string
  deleteAt(time: string): string
  readonly noWords: string
  readonly reviewedTitle: string
  readonly markReviewed: string
  readonly reviewed: string
  readonly review: string
  readonly delete: string
  readonly deleteSegment: string
  readonly unknownSpeaker: string
  /** The review status button's word per status. */
  readonly status: Readonly<Record<'unreviewed' | 'reviewed' | 'second-pass', { word: string; label: string; title: string }>>
}

/** The row texts from `translate` (see the module comment). */
export function createRowTexts(translate: Translate): RowTexts {
  const label = messageTemplate(translate, 'frame.row.label', ['speaker', 'time'])
  const reviewedSuffix = translate('frame.row.reviewedSuffix', {})
  const secondPassSuffix = translate('frame.row.secondPassSuffix', {})
  const noteSuffix = translate('frame.row.noteSuffix', {})
  const speakerChip = messageTemplate(translate, 'frame.row.speakerChip', ['speaker'])
  const playFrom = messageTemplate(translate, 'frame.row.playFrom', ['time'])
  const textOf = messageTemplate(translate, 'frame.row.textOf', ['time'])
  const deleteAt = messageTemplate(translate, 'frame.row.deleteAt', ['time'])
  const statusLabel = messageTemplate(translate, 'editorPanels.status.label', ['status'])
  const statusTitle = messageTemplate(translate, 'editorPanels.status.title', ['status'])
  const status = (key: string): { word: string; label: string; title: string } => {
    const word = translate(`editorPanels.status.${key}`, {})
    return { word, label: statusLabel({ status: word }), title: statusTitle({ status: word }) }
  }
  return {
    label: (speaker, time, reviewed, secondPass, note) => `${label({ speaker, time })}${reviewed ? reviewedSuffix : ''}${secondPass ? secondPassSuffix : ''}${note ? noteSuffix : ''}`,
    speakerChip: (speaker) => speakerChip({ speaker }),
    playFrom: (time) => playFrom({ time }),
    textOf: (time) => textOf({ time }),
    deleteAt: (time) => deleteAt({ time }),
    noWords: translate('frame.row.noWords', {}),
    reviewedTitle: translate('frame.row.reviewedTitle', {}),
    markReviewed: translate('frame.row.markReviewed', {}),
    reviewed: translate('frame.row.reviewed', {}),
    review: translate('frame.row.review', {}),
    delete: translate('frame.row.delete', {}),
    deleteSegment: translate('frame.pane.deleteSegment', {}),
    unknownSpeaker: translate('frame.pane.unknownSpeaker', {}),
    status: { unreviewed: status('unreviewed'), reviewed: status('reviewed'), 'second-pass': status('secondPass') }
  }
}

const byLocale = new Map<string, RowTexts>()

/** The row texts in the language in use now (read in a computed or render, it follows a change of language). */
export function rowTexts(): RowTexts {
  const locale = currentLocale()
  let texts = byLocale.get(locale)
  if (!texts) byLocale.set(locale, (texts = createRowTexts((key, named) => t(key, named))))
  return texts
}
