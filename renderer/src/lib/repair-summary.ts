import type { NormaliseIssue, TranscriptModel } from '../../../shared/transcript'
import { formatClockTenths } from '../../../shared/time'
import { t } from '../i18n'

/*
 * What normalise fixed in the loaded export, said for a reviewer: one line counting it by kind
 * ("Fixed when the task opened: 2 segments that overlapped, …") and, on request, one entry per
 * fix with a link to its segment (issues carry the segment's id; an entry without one, such as
 * an annotation, is listed without a link). Task-wide kinds have their own notices and are left
 * out, as is anything normalise did not repair.
 */

/** The kinds normalise repairs segment by segment (task-wide kinds have their own notices). */
const repairedKinds: ReadonlySet<NormaliseIssue['kind']> = new Set([
  'segments-unsorted', 'segment-overlap', 'words-mismatch', 'words-missing', 'word-time-missing', 'word-outside-segment',
  'segment-time-missing', 'unknown-speaker', 'annotation-time-missing', 'time-out-of-range', 'annotation-clamped'
])

/** The summary line, or null when normalise repaired nothing. */
export function repairSummary(issues: readonly NormaliseIssue[]): string | null {
  const counts = new Map<NormaliseIssue['kind'], number>()
  for (const i of issues) if (repairedKinds.has(i.kind)) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1)
  if (counts.size === 0) return null
  const parts = [...counts].map(([kind, n]) => t(`editorMessages.repairs.count.${kind}`, { n }, n))
  return t('editorMessages.repairs.summary', { parts: parts.join(', ') })
}

/** One annotation's fix, from the annotation's number and, for a missing time, where it was placed (the issue's params). */
function annotationItem(issue: NormaliseIssue): string {
  const n = issue.params?.n
  if (n === undefined) return issue.message
  if (issue.kind === 'annotation-clamped') return t('editorMessages.repairs.annotationClamped', { n })
  return issue.params?.placed === 'start' ? t('editorMessages.repairs.annotationPlacedAtStart', { n }) : t('editorMessages.repairs.annotationPlacedAtTime', { n })
}

/** One fix in the notice's list: what happened, and where (a segment still in the transcript), if anywhere. */
export interface RepairItem {
  readonly text: string
  /** The segment to jump to; null when the fix has no place, or its segment is gone (deleted, merged). */
  readonly segmentId: string | null
  /** Where it is, for the link: "Segment 3 · 0:12.4"; null without a segment. */
  readonly where: string | null
}

/** Every repaired issue as an entry for the reviewer, located in the transcript as it is now. */
export function repairItems(issues: readonly NormaliseIssue[], model: TranscriptModel | null): RepairItem[] {
  const index = new Map(model?.segments.map((s, i) => [s.id, i]) ?? [])
  const out: RepairItem[] = []
  for (const issue of issues) {
    if (!repairedKinds.has(issue.kind)) continue
    // Annotation fixes name the annotation ("Annotation 2 …") and have nowhere to link to.
    const text = issue.kind.startsWith('annotation-') ? annotationItem(issue) : t(`editorMessages.repairs.item.${issue.kind}`)
    const i = issue.segmentId !== undefined ? index.get(issue.segmentId) : undefined
    if (i === undefined || !model) out.push({ text: issue.segmentId !== undefined ? t('editorMessages.repairs.goneSegment', { text }) : text, segmentId: null, where: null })
    else out.push({ text, segmentId: issue.segmentId!, where: t('editorMessages.repairs.where', { n: i + 1, time: formatClockTenths(model.segments[i]!.startMs) }) })
  }
  return out
}
