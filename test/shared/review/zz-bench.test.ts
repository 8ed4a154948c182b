import { it } from 'vitest'
import { normaliseTranscript, wordKey } from '../../../shared/transcript'
import { alignWords } from '../../../shared/review/change-set'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { concatenated } from '../../bench/transcript'
it('6h', () => {
  const six = normaliseTranscript(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3))
  let t = performance.now()
  const ref = six.segments.flatMap((s) => s.words.map((w) => ({ key: wordKey(w.text), startMs: w.startMs })))
  const hyp = six.segments.flatMap((s) => (s.source?.originalWords ?? []).map((w) => ({ key: wordKey(w.text ?? ''), startMs: Math.round((w.offsetInSeconds ?? 0) * 1000) })))
  console.log('tokens', (performance.now() - t).toFixed(0))
  t = performance.now()
  const steps = alignWords(ref, hyp)
  console.log('align', (performance.now() - t).toFixed(0), steps.filter((s) => s.op !== 'match').length)
}, 300000)
