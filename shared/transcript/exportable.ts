import { transcriptShape } from '../api/transcript-export'
import type { TranscriptModel } from './model'

/*
 * A task with no transcript (the field null or missing, or no segments at all) still opens for
 * editing: the reviewer can add segments. Exporting it as it is would write a subtitle or
 * transcript file with nothing in it that looks like success, so the writers refuse it instead,
 * and say why in words the CLI and the app share. A document export read as a transcript (it has
 * `chunks`/`totalPages` and no `transcript`) is named as such: its fix is another command.
 */

/** Why `model` cannot be exported as subtitles or a transcript ("task N has no transcript yet"), or null when it can. */
export function exportRefusal(model: Pick<TranscriptModel, 'taskId' | 'source' | 'segments'>): string | null {
  if (model.segments.length > 0) return null
  const source = (model.source ?? {}) as unknown as Record<string, unknown>
  const shape = model.source ? transcriptShape(model.source) : 'missing'
  const task = `task ${model.taskId}`
  if ((shape === 'missing' || shape === 'null') && ('chunks' in source || 'totalPages' in source)) return `${task} is a document task`
  return `${task} has no transcript yet`
}

/** Thrown by the subtitle and transcript writers for a model with nothing to export (see `exportRefusal`). */
export class NothingToExportError extends Error {
  /** The reason in the CLI's words ("task 41 has no transcript yet"). */
  readonly reason: string
  constructor(reason: string) {
    super(`${reason.charAt(0).toUpperCase()}${reason.slice(1)}: there is nothing to export.`)
    this.name = 'NothingToExportError'
    this.reason = reason
  }
}
