import type { TranscriptModel } from './model'
import { addSpeaker, setSpeaker, updateSpeaker } from './edits'

/*
 * The workspace's speaker list (smartdocumentor-api.md §10.1) as a pick list in the speaker menu:
 * picking one for a segment uses the task's speaker of that id, or adds it to the task with the
 * workspace's id, name, prefix and suffix (the id keeps it the same person when speakers are
 * sent back); picking one while renaming copies its name, prefix and suffix.
 */

/** A workspace speaker as the menu offers it. */
export interface WorkspaceSpeakerPick {
  readonly speakerId: string
  readonly name: string
  readonly prefix: string
  readonly suffix: string
}

/** The task's speaker that is this workspace speaker (ids match without regard to case), or undefined. */
export function taskSpeakerFor(model: Pick<TranscriptModel, 'speakers'>, pick: WorkspaceSpeakerPick): TranscriptModel['speakers'][number] | undefined {
  const id = pick.speakerId.toLowerCase()
  return model.speakers.find((s) => s.id.toLowerCase() === id)
}

/** Gives segment `segmentId` the workspace speaker `pick`, adding it to the task's speakers first if needed (one edit). */
export function assignWorkspaceSpeaker(model: TranscriptModel, segmentId: string, pick: WorkspaceSpeakerPick): TranscriptModel {
  const existing = taskSpeakerFor(model, pick)
  if (existing) return setSpeaker(model, { segmentId }, existing.id)
  const added = addSpeaker(model, { id: pick.speakerId, name: pick.name, prefix: pick.prefix, suffix: pick.suffix })
  return setSpeaker(added, { segmentId }, pick.speakerId)
}

/** Renames task speaker `speakerId` to the workspace speaker's name, prefix and suffix. */
export function renameToWorkspaceSpeaker(model: TranscriptModel, speakerId: string, pick: WorkspaceSpeakerPick): TranscriptModel {
  return updateSpeaker(model, speakerId, { name: pick.name, prefix: pick.prefix, suffix: pick.suffix })
}
