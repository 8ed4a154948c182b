import type { ApiSpeaker } from '../api/transcript-export'
import type { NormaliseIssue, Segment, Speaker } from './model'

/*
 * The model's speaker list (part of normalise.ts): the export's entries first, then a
 * placeholder for every speakerId a segment uses that the list does not name.
 */

/** The speakerId the model uses for segments whose export speakerId is null or missing. */
export const noSpeakerId = ''

const guidPattern = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i

/** The export's speaker entries as model speakers (first of each id), with a notice for id-less ones. */
export function listedSpeakers(entries: readonly ApiSpeaker[], issues: NormaliseIssue[]): Speaker[] {
  const speakers: Speaker[] = []
  const known = new Set<string>()
  let idless = 0
  for (const s of entries) {
    if (typeof s.speakerId !== 'string') {
      idless++
      continue
    }
    if (known.has(s.speakerId)) continue
    known.add(s.speakerId)
    speakers.push({ id: s.speakerId, name: s.speakerName ?? '', prefix: s.speakerPrefix ?? '', suffix: s.speakerSuffix ?? '', placeholder: false, source: s })
  }
  if (idless > 0) {
    issues.push({ kind: 'speaker-without-id', message: `${idless === 1 ? 'One speaker entry has' : `${idless} speaker entries have`} no speakerId; no segment can refer to it, and it is kept as it was in the JSON export.`, params: { n: idless } })
  }
  return speakers
}

/**
 * Ties the segments to `listed` speakers: a GUID-shaped speakerId in another letter case is the
 * listed one, and every id still unknown gets an "Unknown speaker N" placeholder. Returns the
 * segments (retagged where needed) and the full speaker list.
 */
export function resolveSpeakers(segments: readonly Segment[], listed: readonly Speaker[], issues: NormaliseIssue[]): { segments: Segment[]; speakers: Speaker[] } {
  const known = new Set(listed.map((s) => s.id))
  // speakerIds are GUIDs in the vendor's examples, and a GUID's letter case carries no meaning:
  // a segment's "90EDF137-…" is the listed "90edf137-…". Only GUID-shaped ids are compared so.
  const listedGuids = new Map<string, string>()
  for (const s of listed) if (guidPattern.test(s.id)) listedGuids.set(s.id.toLowerCase(), s.id)
  const tied = segments.map((seg) => {
    if (known.has(seg.speakerId) || !guidPattern.test(seg.speakerId)) return seg
    const id = listedGuids.get(seg.speakerId.toLowerCase())
    return id === undefined ? seg : { ...seg, speakerId: id }
  })

  // A speakerId with no entry still needs a name a person can see and rename.
  const speakers = [...listed]
  let placeholderCount = 0
  for (const seg of tied) {
    if (known.has(seg.speakerId)) continue
    known.add(seg.speakerId)
    placeholderCount++
    speakers.push({ id: seg.speakerId, name: `Unknown speaker ${placeholderCount}`, prefix: '', suffix: '', placeholder: true })
    issues.push({
      kind: 'unknown-speaker',
      message: seg.speakerId === noSpeakerId ? 'Some segments have no speaker.' : `Speaker "${seg.speakerId}" is not in the speaker list.`,
      segmentId: seg.id
    })
  }
  return { segments: tied, speakers }
}
