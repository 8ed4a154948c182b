import type { SpeakerChange } from './speakers'
import type { ErrorCode } from '../errors'

/*
 * What "send speakers" reports per speaker: the UI's preview dialog and `sdte speakers push`
 * show exactly which speakers changed on the server and which did not.
 */

/** What became of one planned change. */
export type SpeakerOutcome =
  /** The server accepted the write. */
  | 'done'
  /** The server already had it so: nothing was sent. */
  | 'already'
  /** The server refused it; it did not change. */
  | 'failed'
  /** Sent, but no answer came: it may or may not have changed (send again: it re-checks first). */
  | 'unknown'
  /** Not sent, because an earlier write failed in a way that stops the rest. */
  | 'not-attempted'

/** The result for one speaker. */
export interface SpeakerResult {
  readonly speakerId: string
  readonly kind: SpeakerChange['kind']
  readonly description: string
  readonly outcome: SpeakerOutcome
  readonly message?: string
  /** The error's code, for failed and unknown outcomes. */
  readonly code?: ErrorCode
}

/** The result of applying a plan. */
export interface SpeakerApplyResult {
  readonly taskId: number
  readonly workspaceId: number
  readonly results: readonly SpeakerResult[]
  /** True when every change is on the server now (done or already). */
  readonly complete: boolean
}
