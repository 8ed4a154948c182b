import type { Segment } from '../../../shared/transcript'
import type { SubtitlePreset } from '../../../shared/subtitles'
import { currentLocale, t } from '../i18n'
import { formatNumber } from '../i18n/format'
import { segmentSpeed, speedLimit, speedUnit } from './cue-rows'
import { messageTemplate } from './message-template'

/*
 * A transcript row's reading-speed badge, kept per segment object: the pane builds every row's
 * props at each scroll frame, and a new badge object each time made every row on screen render
 * again (its props changed) where only the rows scrolling in have anything new to show. Edits
 * replace the segments they touch, so a kept badge is always the segment's own.
 */

/** The compact badge: its text, its tooltip, and whether the speed is over the preset's limit. */
export interface SpeedBadge {
  readonly text: string
  readonly title: string
  readonly over: boolean
}

const kept = new WeakMap<Segment, { preset: SubtitlePreset; locale: string; badge: SpeedBadge | null }>()

/** The badge of `segment` under `preset` in the language in use (the same object while nothing changed); null for no speed. */
export function speedBadge(segment: Segment, preset: SubtitlePreset): SpeedBadge | null {
  const locale = currentLocale()
  const known = kept.get(segment)
  if (known && known.preset === preset && known.locale === locale) return known.badge
  const badge = makeBadge(segment, preset, locale)
  kept.set(segment, { preset, locale, badge })
  return badge
}

// Each row scrolling in shows a segment not seen yet, and asking vue-i18n for its texts (a message
// context per call) was most of a new badge's cost, ~7 % of a scroll frame's script (issue 21's
// profile). The speed's text is a template made once per language and unit (lib/message-template.ts),
// the tooltip is asked once per preset and language.
const templates = new Map<string, (values: { n: string }) => string>()
const titles = new WeakMap<SubtitlePreset, { locale: string; title: string }>()

/** "{n} chars/s" (or words a minute) in the language in use, for `n` already formatted. */
function speedText(unit: 'wpm' | 'cps', n: string, locale: string): string {
  const key = `${locale} ${unit}`
  let fill = templates.get(key)
  if (!fill) templates.set(key, (fill = messageTemplate((key, named) => t(key, named), unit === 'wpm' ? 'cueView.speedWpm' : 'cueView.speedCps', ['n'])))
  return fill({ n })
}

function speedTitle(preset: SubtitlePreset, locale: string): string {
  const known = titles.get(preset)
  if (known?.locale === locale) return known.title
  const title = t('cueView.speedTitle', { limit: formatNumber(speedLimit(preset), 1) })
  titles.set(preset, { locale, title })
  return title
}

function makeBadge(segment: Segment, preset: SubtitlePreset, locale: string): SpeedBadge | null {
  const speed = segmentSpeed(segment, preset)
  if (speed === null) return null
  // In the reviewer's locale: "13,8 carateres/s" in pt-PT.
  const text = speedText(speedUnit(preset) === 'wpm' ? 'wpm' : 'cps', formatNumber(speed, 1), locale)
  return { text, title: speedTitle(preset, locale), over: speed > speedLimit(preset) }
}
