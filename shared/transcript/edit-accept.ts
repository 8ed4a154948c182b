import { badRequest } from './internal'
import type { TranscriptModel } from './model'

/*
 * Review-queue decisions kept in the model (so they are undoable and saved in the draft):
 * accepting a word says "this word is right", and the queue leaves it alone from then on.
 */

/** Records word `wordId` as accepted (the same model when it already is; bad_request when no such word). */
export function acceptWord(model: TranscriptModel, wordId: string): TranscriptModel {
  if (model.acceptedWordIds?.includes(wordId)) return model
  if (!model.segments.some((s) => s.words.some((w) => w.id === wordId))) badRequest(`There is no word "${wordId}".`)
  return { ...model, acceptedWordIds: [...(model.acceptedWordIds ?? []), wordId] }
}
