import type { NormaliseIssue, TranscriptModel } from '../../../shared/transcript'
import { formatClockTenths } from '../../../shared/time'

/*
 * What normalise fixed in the loaded export, said for a reviewer: one line counting it by kind
 * ("Fixed when the task opened: 2 segments that overlapped, …") and, on request, one entry per
 * fix with a link to its segment (issues carry the segment's id; an entry without one, such as
 * an annotation, is listed without a link). Task-wide kinds have their own notices and are left
 * out, as is anything normalise did not repair.
 */

/** How each repaired kind is counted in the summary ([one, many]) and said for one segment. */
const phrases: Partial<Record<NormaliseIssue['kind'], { readonly count: readonly [string, string]; readonly item: string }>> = {
  'segments-unsorted': { count: ['the segments put back in time order', 'the segments put back in time order'], item: 'The segments were out of time order; they are shown in time order.' },
  'segment-overlap': { count: ['1 segment that overlapped the one before', '{n} segments that overlapped the one before'], item: 'Overlapped the segment before it; the boundary between them was moved.' },
  'words-mismatch': { count: ['1 segment whose word timings did not match its text', '{n} segments whose word timings did not match their text'], item: 'Its word timings did not match its text; the text was kept and the timings lined up with it.' },
  'words-missing': { count: ['1 segment with no word timings (estimated)', '{n} segments with no word timings (estimated)'], item: 'Had no word timings; each word’s time is estimated.' },
  'word-time-missing': { count: ['1 segment with some word timings missing (estimated)', '{n} segments with some word timings missing (estimated)'], item: 'Some words had no timing; their times are estimated from the words around them.' },
  'word-outside-segment': { count: ['1 segment stretched to hold its words', '{n} segments stretched to hold their words'], item: 'Its words ran past its start or end; the segment was stretched to hold them.' },
  'segment-time-missing': { count: ['1 segment with no start or end time (placed)', '{n} segments with no start or end time (placed)'], item: 'Had no start or end time; it was placed by its words or the segments around it.' },
  'unknown-speaker': { count: ['1 speaker missing from the speaker list', '{n} speakers missing from the speaker list'], item: 'Its speaker is not in the task’s speaker list; it is shown as an unknown speaker you can rename.' },
  'annotation-time-missing': { count: ['1 annotation with no time (placed)', '{n} annotations with no time (placed)'], item: '' },
  'time-out-of-range': { count: ['times outside the recording moved to its edge', 'times outside the recording moved to its edge'], item: 'Some of its times lay outside the recording; they were moved to its edge.' },
  'annotation-clamped': { count: ['1 annotation moved inside the recording', '{n} annotations moved inside the recording'], item: '' }
}

/** The summary line, or null when normalise repaired nothing. */
export function repairSummary(issues: readonly NormaliseIssue[]): string | null {
  const counts = new Map<NormaliseIssue['kind'], number>()
  for (const i of issues) if (phrases[i.kind]) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1)
  if (counts.size === 0) return null
  const parts = [...counts].map(([kind, n]) => {
    const [one, many] = phrases[kind]!.count
    return n === 1 ? one : many.replace('{n}', String(n))
  })
  return `Fixed automatically when the task opened: ${parts.join(', ')}. Your text is unchanged, and the export stays as it came until you edit.`
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
    const phrase = phrases[issue.kind]
    if (!phrase) continue
    // Annotation messages already name the annotation ("Annotation 2 …") and have nowhere to link to.
    const text = phrase.item || issue.message.replace(/ and was clamped\.$/, ' and was moved inside it.')
    const i = issue.segmentId !== undefined ? index.get(issue.segmentId) : undefined
    if (i === undefined || !model) out.push({ text: issue.segmentId !== undefined ? `${text} (That segment is no longer in the transcript.)` : text, segmentId: null, where: null })
    else out.push({ text, segmentId: issue.segmentId!, where: `Segment ${i + 1} · ${formatClockTenths(model.segments[i]!.startMs)}` })
  }
  return out
}
