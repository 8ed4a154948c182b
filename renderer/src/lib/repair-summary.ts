import type { NormaliseIssue } from '../../../shared/transcript'

/*
 * One line for the notice bar saying what normalise repaired in the loaded export, counted by
 * kind from the issues it reported ("Repaired on load: 2 overlapping segments, 1 unknown
 * speaker. …"). The per-segment notes themselves would be a wall of text; this says they exist.
 * Task-wide kinds have their own notices and are left out, as is anything normalise did not repair.
 */

/** How each repaired kind is counted in the summary: [one, many]. */
const phrases: Partial<Record<NormaliseIssue['kind'], readonly [string, string]>> = {
  'segments-unsorted': ['segments put in time order', 'segments put in time order'],
  'segment-overlap': ['1 overlapping segment', '{n} overlapping segments'],
  'words-mismatch': ['1 segment whose words were matched to its text', '{n} segments whose words were matched to their text'],
  'words-missing': ['1 segment with word times estimated', '{n} segments with word times estimated'],
  'word-time-missing': ['1 segment with some word times estimated', '{n} segments with some word times estimated'],
  'word-outside-segment': ['1 segment widened to hold its words', '{n} segments widened to hold their words'],
  'segment-time-missing': ['1 segment without a start or end placed', '{n} segments without a start or end placed'],
  'unknown-speaker': ['1 unknown speaker named', '{n} unknown speakers named'],
  'annotation-time-missing': ['1 annotation without a time placed', '{n} annotations without a time placed'],
  'time-out-of-range': ['times outside the recording moved to its edge', 'times outside the recording moved to its edge'],
  'annotation-clamped': ['1 annotation moved inside the recording', '{n} annotations moved inside the recording']
}

/** The summary line, or null when normalise repaired nothing. */
export function repairSummary(issues: readonly NormaliseIssue[]): string | null {
  const counts = new Map<NormaliseIssue['kind'], number>()
  for (const i of issues) if (phrases[i.kind]) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1)
  if (counts.size === 0) return null
  const parts = [...counts].map(([kind, n]) => {
    const [one, many] = phrases[kind]!
    return n === 1 ? one : many.replace('{n}', String(n))
  })
  return `Repaired on load: ${parts.join(', ')}. The text was kept as written; nothing is changed in the export until you edit.`
}
