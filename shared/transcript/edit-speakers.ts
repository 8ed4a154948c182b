import { badRequest, segmentIndex } from './internal'
import type { Segment, Speaker, TranscriptModel } from './model'
import { splitSegment } from './edit-text'

/*
 * Speaker edits: who says a segment or a word range, and the speaker list itself. Pure; invalid
 * requests throw AppError('bad_request').
 */

/** A word inside a segment (index into its words). */
export interface WordPosition {
  readonly segmentId: string
  readonly wordIndex: number
}

/** What `setSpeaker` applies to: a whole segment, or the words from `from` to `to` inclusive. */
export type SpeakerTarget = { readonly segmentId: string } | { readonly from: WordPosition; readonly to: WordPosition }

function requireSpeaker(model: TranscriptModel, speakerId: string): Speaker {
  const speaker = model.speakers.find((s) => s.id === speakerId)
  if (!speaker) badRequest(`There is no speaker "${speakerId}".`)
  return speaker
}

function withSpeaker(seg: Segment, speakerId: string): Segment {
  return seg.speakerId === speakerId ? seg : { ...seg, speakerId, edited: true }
}

/**
 * Sets the speaker of a segment, or of a word range (inclusive, possibly across segments): the
 * segments at either end are split so only the range changes hands.
 */
export function setSpeaker(model: TranscriptModel, target: SpeakerTarget, speakerId: string): TranscriptModel {
  requireSpeaker(model, speakerId)
  if ('segmentId' in target) {
    const index = segmentIndex(model, target.segmentId)
    const seg = model.segments[index]
    if (seg.speakerId === speakerId) return model
    const segments = model.segments.slice()
    segments[index] = withSpeaker(seg, speakerId)
    return { ...model, segments }
  }
  const { from, to } = target
  const iFrom = segmentIndex(model, from.segmentId)
  const iTo = segmentIndex(model, to.segmentId)
  const fromSeg = model.segments[iFrom]
  const toSeg = model.segments[iTo]
  const valid = (p: WordPosition, seg: Segment) => Number.isInteger(p.wordIndex) && p.wordIndex >= 0 && p.wordIndex < seg.words.length
  if (!valid(from, fromSeg) || !valid(to, toSeg)) badRequest('The word range is outside the segment.')
  if (iTo < iFrom || (iTo === iFrom && to.wordIndex < from.wordIndex)) badRequest('The end of the word range is before its start.')
  let next = model
  // Split the far end first, so the near end's word indices still hold.
  if (to.wordIndex + 1 < toSeg.words.length) next = splitSegment(next, toSeg.id, { wordIndex: to.wordIndex + 1 })
  let firstIndex = iFrom
  if (from.wordIndex > 0) {
    next = splitSegment(next, fromSeg.id, { wordIndex: from.wordIndex })
    firstIndex = iFrom + 1
  }
  const lastIndex = segmentIndex(next, toSeg.id === fromSeg.id && from.wordIndex > 0 ? next.segments[firstIndex].id : toSeg.id)
  const segments = next.segments.slice()
  for (let k = firstIndex; k <= lastIndex; k++) segments[k] = withSpeaker(segments[k], speakerId)
  return { ...next, segments }
}

/** Renames a speaker everywhere (a placeholder becomes a real speaker). */
export function renameSpeaker(model: TranscriptModel, speakerId: string, name: string): TranscriptModel {
  return updateSpeaker(model, speakerId, { name })
}

/** Changes a speaker's name, prefix or suffix. */
export function updateSpeaker(model: TranscriptModel, speakerId: string, changes: { readonly name?: string; readonly prefix?: string; readonly suffix?: string }): TranscriptModel {
  const speaker = requireSpeaker(model, speakerId)
  const name = changes.name ?? speaker.name
  const prefix = changes.prefix ?? speaker.prefix
  const suffix = changes.suffix ?? speaker.suffix
  if (name.trim() === '') badRequest('A speaker needs a name.')
  if (name === speaker.name && prefix === speaker.prefix && suffix === speaker.suffix && !speaker.placeholder) return model
  const updated: Speaker = { ...speaker, name, prefix, suffix, placeholder: false, edited: true }
  return { ...model, speakers: model.speakers.map((s) => (s === speaker ? updated : s)) }
}

/** The GUID-shaped id `addSpeaker` gives a new speaker when the caller names none (deterministic). */
export function newSpeakerId(model: TranscriptModel): string {
  let n = model.nextId ?? 1
  const taken = new Set(model.speakers.map((s) => s.id))
  let id: string
  do id = `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`
  while (taken.has(id))
  return id
}

/** Adds a speaker (id from `newSpeakerId` unless given). */
export function addSpeaker(model: TranscriptModel, input: { readonly name: string; readonly prefix?: string; readonly suffix?: string; readonly id?: string }): TranscriptModel {
  if (input.name.trim() === '') badRequest('A speaker needs a name.')
  const id = input.id ?? newSpeakerId(model)
  if (model.speakers.some((s) => s.id === id)) badRequest(`A speaker with id "${id}" already exists.`)
  const speaker: Speaker = { id, name: input.name, prefix: input.prefix ?? '', suffix: input.suffix ?? '', placeholder: false, edited: true }
  return { ...model, speakers: [...model.speakers, speaker], nextId: (model.nextId ?? 1) + 1 }
}

/** Moves every segment of `fromId` to `intoId` and removes `fromId`; `intoId` keeps its name, prefix and suffix. */
export function mergeSpeakers(model: TranscriptModel, fromId: string, intoId: string): TranscriptModel {
  requireSpeaker(model, fromId)
  requireSpeaker(model, intoId)
  if (fromId === intoId) badRequest('Pick two different speakers to merge.')
  return {
    ...model,
    segments: model.segments.map((s) => (s.speakerId === fromId ? withSpeaker(s, intoId) : s)),
    speakers: model.speakers.filter((s) => s.id !== fromId)
  }
}

/**
 * Deletes a speaker. If segments still use it they move to `reassignTo`; without one the
 * request is a bad_request (a segment never loses its speaker silently).
 */
export function deleteSpeaker(model: TranscriptModel, speakerId: string, reassignTo?: string): TranscriptModel {
  requireSpeaker(model, speakerId)
  const used = model.segments.filter((s) => s.speakerId === speakerId).length
  if (reassignTo !== undefined) return mergeSpeakers(model, speakerId, reassignTo)
  if (used > 0) badRequest(`This speaker still has ${used} segment${used === 1 ? '' : 's'}; choose a speaker to give them to.`)
  return { ...model, speakers: model.speakers.filter((s) => s.id !== speakerId) }
}
