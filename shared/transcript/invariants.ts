import type { TranscriptModel } from './model'

/*
 * The model's invariants, checked in one place (tests, property tests, a debug build of the
 * store): words in time order inside their segment, segments in order and not overlapping,
 * ids unique.
 */

/** Every invariant the model breaks, as readable messages (empty when it is sound). */
export function checkInvariants(model: TranscriptModel): string[] {
  const problems: string[] = []
  const segIds = new Set<string>()
  const wordIds = new Set<string>()
  let prevEnd = -Infinity
  let prevStart = -Infinity
  for (const seg of model.segments) {
    if (segIds.has(seg.id)) problems.push(`duplicate segment id ${seg.id}`)
    segIds.add(seg.id)
    if (!(seg.startMs <= seg.endMs)) problems.push(`segment ${seg.id} ends before it starts`)
    if (seg.startMs < prevStart) problems.push(`segment ${seg.id} is out of order`)
    if (seg.startMs < prevEnd) problems.push(`segment ${seg.id} overlaps the one before`)
    prevEnd = seg.endMs
    prevStart = seg.startMs
    let wordStart = -Infinity
    for (const w of seg.words) {
      if (wordIds.has(w.id)) problems.push(`duplicate word id ${w.id}`)
      wordIds.add(w.id)
      if (!Number.isInteger(w.startMs) || !Number.isInteger(w.endMs)) problems.push(`word ${w.id} time is not integer ms`)
      if (w.startMs < wordStart) problems.push(`word ${w.id} in ${seg.id} is out of time order`)
      if (w.endMs < w.startMs) problems.push(`word ${w.id} ends before it starts`)
      if (w.startMs < seg.startMs || w.endMs > seg.endMs) problems.push(`word ${w.id} lies outside segment ${seg.id}`)
      if (w.text === '' || /\s/.test(w.text)) problems.push(`word ${w.id} text is empty or has whitespace`)
      wordStart = w.startMs
    }
  }
  const speakerIds = new Set(model.speakers.map((s) => s.id))
  for (const seg of model.segments) if (!speakerIds.has(seg.speakerId)) problems.push(`segment ${seg.id} has unknown speaker ${seg.speakerId}`)
  for (const a of model.annotations) if (!(a.startMs <= a.endMs) || a.startMs < 0) problems.push(`annotation ${a.id} has a bad range`)
  return problems
}
