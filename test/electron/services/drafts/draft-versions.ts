import type { TranscriptModel } from '../../../../shared/transcript'

/*
 * Versions of the 2-hour task's model for the kill -9 test: version `n` differs from every other
 * (a revision number and one segment's reviewed mark and speaker), so a loaded draft can be
 * compared byte for byte with the version the writer said it saved.
 */

/** Version `n` of `model`, as the renderer would send it to `drafts:save`. */
export function draftVersion(model: TranscriptModel, n: number): TranscriptModel & { revision: number } {
  const at = n % model.segments.length
  const speakers = model.speakers.map((s) => s.id)
  return {
    ...model,
    revision: n,
    segments: model.segments.map((s, i) => (i === at ? { ...s, reviewed: !s.reviewed, speakerId: speakers[n % speakers.length] ?? s.speakerId } : s))
  }
}
