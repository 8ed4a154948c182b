import type { Ref } from 'vue'
import {
  addAnnotation as addAnnotationEdit,
  deleteAnnotation as deleteAnnotationEdit,
  editAnnotation as editAnnotationEdit,
  retimeAnnotation as retimeAnnotationEdit
} from '../../../shared/transcript'
import type { TranscriptModel } from '../../../shared/transcript'
import type { EditorContext, TimeRange } from './editor-context'

/*
 * Annotation actions (part of the editor store): each an undoable edit stamped with when it was
 * made. A new annotation covers the range picked on the waveform, else the loop, else the
 * segment at the cursor, else two seconds from the playhead.
 */

/** What the annotation actions need from the editor store. */
export interface AnnotationPorts {
  readonly ctx: EditorContext
  readonly model: Readonly<Ref<TranscriptModel | null>>
  readonly apply: (edit: (m: TranscriptModel) => TranscriptModel) => boolean
  readonly position: () => { readonly segmentId: string } | null
  readonly fallbackRange: () => TimeRange | null
  readonly playheadMs: () => number
}

/** The annotation actions. */
export function createAnnotationCommands({ ctx, model, apply, position, fallbackRange, playheadMs }: AnnotationPorts) {
  const author = () => ({ at: new Date().toISOString() })
  return {
    /** Adds an annotation for the selection, else the current segment; returns its id. */
    addAnnotation(content = '', range?: TimeRange): string | null {
      const m = model.value
      if (!m) return null
      let r = range ?? fallbackRange()
      if (!r) {
        const p = position()
        const seg = p ? ctx.segmentById(p.segmentId) : undefined
        r = seg ? { startMs: seg.startMs, endMs: seg.endMs } : { startMs: playheadMs(), endMs: playheadMs() + 2000 }
      }
      const before = new Set(m.annotations.map((a) => a.id))
      const span = r
      if (!apply((x) => addAnnotationEdit(x, { content, startMs: span.startMs, endMs: span.endMs }, author()))) return null
      return model.value?.annotations.find((a) => !before.has(a.id))?.id ?? null
    },
    /** Changes an annotation's text. */
    editAnnotation(id: string, content: string): boolean {
      return apply((m) => editAnnotationEdit(m, id, content, author()))
    },
    /** Moves an annotation. */
    retimeAnnotation(id: string, startMs: number, endMs: number): boolean {
      return apply((m) => retimeAnnotationEdit(m, id, startMs, endMs, author()))
    },
    /** Deletes an annotation. */
    deleteAnnotation(id: string): boolean {
      return apply((m) => deleteAnnotationEdit(m, id))
    }
  }
}
