import type { SignalName } from '../../../shared/review/queue'

/* What each review-queue signal is called in the panel and its settings. */

/** A short name for each signal. */
export const signalLabels: Readonly<Record<SignalName, string>> = {
  'low-confidence': 'Low confidence',
  number: 'Number, amount, date or code',
  name: 'Name',
  'rare-word': 'Uncommon word',
  'speaker-change': 'Speaker change',
  overlap: 'Overlapping segments',
  'long-silence': 'Long silence',
  'stretched-word': 'Stretched word',
  'cue-breach': 'Subtitle cue too fast / long',
  'estimated-timing': 'Estimated timing'
}
