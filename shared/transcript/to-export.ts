import type { ApiAnnotation, ApiSpeaker, ApiTranscriptBody, ApiTranscriptSegment, ApiWord, TranscriptExport } from '../api/transcript-export'
import { transcriptBody, transcriptShape } from '../api/transcript-export'
import type { Annotation, Segment, Speaker, TranscriptModel, Word } from './model'
import { durationMissing, measuredMs } from './reconcile-words'
import { noSpeakerId } from './speakers-from-export'
import { wordsText } from './text'
import { confidenceFromUnit, isTimed, msToSeconds, msToUnit } from './units'

/*
 * The model → the API export shape, for "save as JSON" and for sending back. The rule is
 * "differ only where the reviewer changed something": anything never edited is emitted from
 * its `source` verbatim (the very object that was loaded), lists nobody touched come back in
 * their original order and null-ness, and unknown fields ride along via object spread.
 * An edited segment gets displayText rebuilt from its words, displayWords from the model,
 * originalWords kept, and start/end/duration in the task's own unit and confidence scale.
 *
 * The `transcript` field keeps the shape it came in (null, missing, a bare segment array) while
 * nothing in it is edited; once something is, it is written as the documented object
 * `{ transcripts, speakers, annotations }` (each a list), which is what the API describes.
 */

/** True when the segment list is exactly what was loaded (so the original array, order and all, is valid). */
function segmentsPristine(model: TranscriptModel): boolean {
  const loaded = transcriptBody(model.source).transcripts ?? []
  if (model.segments.length !== loaded.length) return false
  const seen = new Set<ApiTranscriptSegment>()
  for (const s of model.segments) {
    if (s.edited || !s.source || seen.has(s.source)) return false
    seen.add(s.source)
  }
  return true
}

function wordUnchanged(w: Word, src: ApiWord, scale: 1 | 100): boolean {
  if (w.text !== src.text) return false
  if (durationMissing(src)) {
    // Loaded with a start but no duration, it got an estimated end (normalise.ts); while its start
    // is as loaded and its times are still an estimate, the export says what the recogniser said.
    if (w.startMs !== measuredMs(src as ApiWord & { offsetInSeconds: number }).startMs || !w.estimated) return false
  } else if (isTimed(src)) {
    const t = measuredMs(src)
    if (w.startMs !== t.startMs || w.endMs !== t.endMs) return false
  } else if (!w.estimated) {
    // Loaded without a time, it got an estimate (normalise.ts); while it stays an estimate the
    // export says what the recogniser said: no time. A measured time would be new information.
    return false
  }
  const conf = src.confidence === null || src.confidence === undefined ? null : src.confidence / scale
  return w.confidence === null ? conf === null : conf !== null && Math.abs(conf - w.confidence) < 1e-9
}

/** One model word as an API word (the loaded word itself when nothing about it changed). */
export function wordToApi(w: Word, scale: 1 | 100): ApiWord {
  if (w.source && wordUnchanged(w, w.source, scale)) return w.source
  return {
    ...(w.source ?? {}),
    text: w.text,
    offsetInSeconds: msToSeconds(w.startMs),
    durationInSeconds: msToSeconds(w.endMs - w.startMs),
    confidence: confidenceFromUnit(w.confidence, scale)
  }
}

function segmentToApi(seg: Segment, model: TranscriptModel): ApiTranscriptSegment {
  if (!seg.edited && seg.source) return seg.source
  const unit = model.timeUnit
  const scale = model.confidenceScale
  const src = seg.source
  // A segment that had no speakerId keeps writing none while it still has the "no speaker" placeholder.
  const speakerId = seg.speakerId === noSpeakerId && (src?.speakerId === null || src?.speakerId === undefined) ? (src ? src.speakerId : null) : seg.speakerId
  const confs = seg.words.map((w) => w.confidence).filter((c): c is number => c !== null)
  const confidence = src ? src.confidence : confidenceFromUnit(confs.length ? confs.reduce((a, b) => a + b, 0) / confs.length : 1, scale)
  const originalWords = seg.originalWords !== undefined ? seg.originalWords : (src?.originalWords ?? [])
  return {
    ...(src ?? {}),
    speakerId: speakerId as string,
    start: msToUnit(seg.startMs, unit),
    end: msToUnit(seg.endMs, unit),
    duration: msToUnit(seg.endMs - seg.startMs, unit),
    confidence,
    displayText: wordsText(seg.words),
    displayWords: seg.words.map((w) => wordToApi(w, scale)),
    originalWords: originalWords === null ? null : [...originalWords]
  }
}

function speakersPristine(model: TranscriptModel): boolean {
  // Duplicate speakerIds in the export collapse to one model speaker; they still count as loaded.
  const loaded = new Set(idListed(model).map((s) => s.speakerId))
  const real = model.speakers.filter((s) => !s.placeholder)
  if (real.length !== loaded.size) return false
  return real.every((s) => s.source && !s.edited)
}

/** The loaded speaker entries that have a speakerId (the others are not model speakers, see normalise.ts). */
function idListed(model: TranscriptModel): ApiSpeaker[] {
  return (transcriptBody(model.source).speakers ?? []).filter((s) => typeof s.speakerId === 'string')
}

function speakerToApi(s: Speaker): ApiSpeaker {
  if (s.source && !s.edited) return s.source
  return { ...(s.source ?? {}), speakerId: s.id, speakerName: s.name, speakerPrefix: s.prefix, speakerSuffix: s.suffix }
}

function annotationsPristine(model: TranscriptModel): boolean {
  const loaded = transcriptBody(model.source).annotations ?? []
  if (model.annotations.length !== loaded.length) return false
  return model.annotations.every((a) => a.source && !a.edited)
}

function annotationToApi(a: Annotation, model: TranscriptModel): ApiAnnotation {
  if (a.source && !a.edited) return a.source
  const base: ApiAnnotation = a.source ?? {
    uniqueId: a.id,
    content: a.content,
    start: 0,
    end: 0,
    createdByUserName: a.createdByUserName ?? null,
    createdBy: a.createdBy ?? null,
    createdOn: a.createdOn ?? null,
    modifiedByUserName: a.modifiedByUserName ?? a.createdByUserName ?? null,
    modifiedBy: a.modifiedBy ?? a.createdBy ?? null,
    modifiedOn: a.modifiedOn ?? a.createdOn ?? null
  }
  // A loaded annotation keeps its own uniqueId (even null): the model id may be a stand-in.
  const out: ApiAnnotation = { ...base, uniqueId: a.source ? a.source.uniqueId : a.id, content: a.content, start: msToUnit(a.startMs, model.timeUnit), end: msToUnit(a.endMs, model.timeUnit) }
  if (a.source) {
    if (a.modifiedByUserName !== undefined) out.modifiedByUserName = a.modifiedByUserName
    if (a.modifiedBy !== undefined) out.modifiedBy = a.modifiedBy
    if (a.modifiedOn !== undefined) out.modifiedOn = a.modifiedOn
  }
  return out
}

/** The model as the API export shape (see the file comment for what is kept verbatim). */
export function toTranscriptExport(model: TranscriptModel): TranscriptExport {
  const src = model.source
  const segmentsSame = segmentsPristine(model)
  const speakersSame = speakersPristine(model)
  const annotationsSame = annotationsPristine(model)
  const shape = transcriptShape(src)
  // Null, missing or flat, and nothing edited: the field as it came (see the file comment).
  if (shape !== 'object' && segmentsSame && speakersSame && annotationsSame) return src
  const loaded = transcriptBody(src)
  const transcript: ApiTranscriptBody = { ...loaded }
  // Placeholder speakers exist only in the editor; a list nobody touched comes back as loaded.
  if (!segmentsSame) transcript.transcripts = model.segments.map((s) => segmentToApi(s, model))
  if (!speakersSame) {
    // Entries without a speakerId were never model speakers; they are kept, after the others.
    const idless = (loaded.speakers ?? []).filter((s) => typeof s.speakerId !== 'string')
    transcript.speakers = [...model.speakers.filter((s) => !s.placeholder).map(speakerToApi), ...idless]
  }
  if (!annotationsSame) transcript.annotations = model.annotations.map((a) => annotationToApi(a, model))
  if (shape !== 'object') {
    // An edit on a task that had no transcript object writes the documented one, lists and all.
    transcript.transcripts ??= []
    transcript.speakers ??= []
    transcript.annotations ??= []
  }
  return { ...src, transcript }
}
