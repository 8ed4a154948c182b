import type { InjectionKey, Ref } from 'vue'
import type { CueRow } from './cue-rows'

/*
 * What the live cue view (CueView.vue) hands each of its rows (CueListRow.vue) through
 * provide/inject rather than as props: the edit state and the view's handlers. Each row reads
 * them in computeds of its own, so a change (Enter, the field leaving, the selection moving)
 * renders the rows whose values changed, and the view's own list renders no row at all.
 */

/** The cue view's state and handlers that every row reads (stable for the view's life). */
export interface CueListContext {
  /** The id of the word being edited in `row`, else null. */
  editedIn(row: CueRow): string | null
  /** The text in the edit field (read when the edit starts or resumes). */
  editText(): string
  /** The id of the committed word whose field is leaving, when it is in `row`, else null. */
  leavingIn(row: CueRow): string | null
  /** The ids of words a break is forced before. */
  readonly breakIds: Readonly<Ref<ReadonlySet<string>>>
  isLocked(row: CueRow): boolean
  /** The virtualizer's measure of a row's element. */
  measure(el: unknown): void
  onWord(event: MouseEvent, cue: number, k: number): void
  onEdit(cue: number, k: number): void
  onMenu(event: MouseEvent, cue: number, k: number): void
  onType(event: Event): void
  onCommit(): void
  onCancel(): void
  fieldMounted(el: unknown): void
}

/** The injection key of the cue view's row context. */
export const cueListContext: InjectionKey<CueListContext> = Symbol('cue-list-context')
