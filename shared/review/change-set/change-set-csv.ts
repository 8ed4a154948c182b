import { toCsv } from '../../document/csv'
import type { ChangeSet } from './schema'

/*
 * The change set as CSV: one row per change (word differences, speaker reassignments, retimed
 * segments, annotation changes), RFC 4180 with a UTF-8 BOM and the document CSV's formula guard
 * (a reviewed word such as "=SUM(A1)" is shown as text, never run by a spreadsheet). Times are
 * seconds with three decimals; WER and the session facts are in the JSON only.
 */

/** Columns of the change-set CSV. */
export const changeSetCsvHeader = ['Change', 'Kind', 'Start (s)', 'End (s)', 'Speaker', 'Recognised', 'Reviewed', 'Segment', 'Detail'] as const

const sec = (ms: number | null): string => (ms === null ? '' : (ms / 1000).toFixed(3))

/** The rows of the change-set CSV, header first. */
export function changeSetRecords(set: ChangeSet): string[][] {
  const name = new Map(set.speakers.map((s) => [s.speakerId, s.name || s.speakerId]))
  const who = (id: string) => name.get(id) ?? id
  const rows: string[][] = [[...changeSetCsvHeader]]
  for (const w of set.words) rows.push(['word', w.kind, sec(w.startMs), sec(w.endMs), who(w.speakerId), w.recognised ?? '', w.reviewed ?? '', w.segmentId, ''])
  for (const r of set.speakerReassignments) {
    rows.push(['speaker', 'reassigned', sec(r.startMs), sec(r.endMs), who(r.toSpeakerId), '', r.text, r.segmentId, `from ${who(r.fromSpeakerId)} (${r.words} word${r.words === 1 ? '' : 's'})`])
  }
  for (const r of set.retimedSegments) {
    rows.push(['segment', 'retimed', sec(r.after.startMs), sec(r.after.endMs), who(r.speakerId), '', '', r.segmentId, `was ${sec(r.before.startMs)}–${sec(r.before.endMs)}`])
  }
  for (const a of set.annotations) {
    const at = a.after ?? a.before!
    const detail = a.change === 'changed' && a.before ? `was "${a.before.content}" at ${sec(a.before.startMs)}–${sec(a.before.endMs)}` : ''
    rows.push(['annotation', a.change, sec(at.startMs), sec(at.endMs), '', '', a.after?.content ?? a.before?.content ?? '', a.annotationId, detail])
  }
  return rows
}

/** The change set as Excel-ready CSV text. */
export function changeSetToCsv(set: ChangeSet): string {
  return toCsv(changeSetRecords(set), { bom: true })
}

/** The change set as JSON text (two-space indent, final newline). */
export function changeSetToJson(set: ChangeSet): string {
  return JSON.stringify(set, null, 2) + '\n'
}
