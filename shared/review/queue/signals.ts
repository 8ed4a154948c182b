import { cueBreach } from './signals/cue-breach'
import { estimatedTiming } from './signals/estimated-timing'
import { longSilence } from './signals/long-silence'
import { lowConfidence } from './signals/low-confidence'
import { name } from './signals/name'
import { number } from './signals/number'
import { overlap } from './signals/overlap'
import { rareWord } from './signals/rare-word'
import { speakerChange } from './signals/speaker-change'
import { stretchedWord } from './signals/stretched-word'
import type { Signal, SignalName } from './types'

/** Every signal with its name, in the order the docs list them. */
export const signals: ReadonlyArray<{ readonly name: SignalName; readonly run: Signal }> = [
  { name: 'low-confidence', run: lowConfidence },
  { name: 'number', run: number },
  { name: 'name', run: name },
  { name: 'rare-word', run: rareWord },
  { name: 'speaker-change', run: speakerChange },
  { name: 'overlap', run: overlap },
  { name: 'long-silence', run: longSilence },
  { name: 'stretched-word', run: stretchedWord },
  { name: 'cue-breach', run: cueBreach },
  { name: 'estimated-timing', run: estimatedTiming }
]
