import type { SignalHit, Signal } from '../types'

/*
 * Words around a speaker change: recognisers put the turn a word or two early or late, so the
 * words within `speakerChangeWindowMs` of a boundary between two different speakers are worth
 * a listen. Time-based, so correcting a word's text does not move the window.
 */

/** How far from a speaker change (ms) a word is "around" it. */
export const speakerChangeWindowMs = 1000

/** Words near the start of a turn after another speaker, or near its end before one. */
export const speakerChange: Signal = ({ segment, prev, next }) => {
  const words = segment.words
  if (words.length === 0) return []
  const hits: SignalHit[] = []
  const afterChange = prev !== undefined && prev.speakerId !== segment.speakerId
  const beforeChange = next !== undefined && next.speakerId !== segment.speakerId
  const first = words[0].startMs
  const last = words[words.length - 1].endMs
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    const nearStart = afterChange && (i === 0 || w.startMs - first < speakerChangeWindowMs)
    const nearEnd = beforeChange && (i === words.length - 1 || last - w.endMs < speakerChangeWindowMs)
    if (nearStart || nearEnd) hits.push({ wordIndex: i, signal: 'speaker-change', strength: 1, detail: nearStart ? 'just after a speaker change' : 'just before a speaker change', note: { code: nearStart ? 'afterSpeakerChange' : 'beforeSpeakerChange' } })
  }
  return hits
}
