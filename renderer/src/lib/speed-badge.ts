import type { Segment } from '../../../shared/transcript'
import type { SubtitlePreset } from '../../../shared/subtitles'
import { currentLocale, t } from '../i18n'
import { formatNumber } from '../i18n/format'
import { segmentSpeed, speedLimit, speedUnit } from './cue-rows'

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
  const badge = makeBadge(segment, preset)
  kept.set(segment, { preset, locale, badge })
  return badge
}

function makeBadge(segment: Segment, preset: SubtitlePreset): SpeedBadge | null {
  const speed = segmentSpeed(segment, preset)
  if (speed === null) return null
  const limit = speedLimit(preset)
  // In the reviewer's locale: "13,8 carateres/s" in pt-PT.
  const n = formatNumber(speed, 1)
  const text = speedUnit(preset) === 'wpm' ? t('cueView.speedWpm', { n }) : t('cueView.speedCps', { n })
  return { text, title: t('cueView.speedTitle', { limit: formatNumber(limit, 1) }), over: speed > limit }
}
