import type { Segment } from '../../transcript/model'
import type { QcReport } from '../../subtitles/qc'
import { lastIndexAtOrBefore } from '../../transcript/binary-search'

/*
 * The Finish review checklist: what is still open before the task is exported. Pure, and built
 * from whatever the app tracks: an input that is absent (coverage before it is tracked, a queue
 * before there is one) gives a "not tracked" line, never a made-up figure. Each open line names
 * where its first open item is, for "Go to first".
 */

/** Where "Go to first" goes: a segment, or a time when no segment is known. */
export interface ChecklistTarget {
  readonly segmentId: string | null
  readonly ms: number
}

/** One line of the checklist. */
export interface ChecklistLine {
  readonly id: 'heard' | 'queue' | 'unreviewed' | 'second-pass' | 'qc'
  readonly label: string
  /** open: something to look at; done: nothing left; not-tracked: the app has no figure. */
  readonly status: 'open' | 'done' | 'not-tracked'
  readonly detail: string
  /** The detail as a code and figures, which the renderer words in the reviewer's language (`label` and `detail` stay English, for sdte and logs). */
  readonly note: ChecklistNote
  /** The subtitle preset the QC line checked, when it did. */
  readonly preset?: string
  readonly first: ChecklistTarget | null
}

/** A checklist detail as a code and the numbers it needs. */
export interface ChecklistNote {
  readonly code: 'notTracked' | 'heard' | 'queueLeft' | 'noItemsLeft' | 'unreviewed' | 'allReviewed' | 'secondPass' | 'none' | 'noSubtitles' | 'breaches' | 'noBreaches'
  readonly values?: Readonly<Partial<Record<'n' | 'total' | 'percent' | 'hard' | 'soft', number>>>
}

/** What the checklist is built from; absent = not tracked. */
export interface ChecklistInput {
  /** Share of the recording heard, 0–100 (audio coverage). */
  readonly heardPercent?: number | null
  /** Where the first unheard stretch starts, when coverage is tracked. */
  readonly firstUnheardMs?: number | null
  /** Review-queue items left, and the first of them. */
  readonly queueLeft?: { readonly count: number; readonly first: ChecklistTarget | null } | null
  readonly segments: readonly Segment[]
  /** The subtitle QC report for the chosen preset; null when the task has nothing to cut. */
  readonly qc?: QcReport | null
}

/** The checklist and how many of its lines are open. */
export interface FinishChecklist {
  readonly lines: readonly ChecklistLine[]
  readonly open: number
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The segment that holds (or is nearest before) `ms`. */
function segmentAt(segments: readonly Segment[], ms: number): string | null {
  const i = lastIndexAtOrBefore(segments.length, (k) => segments[k].startMs, ms)
  return segments[Math.max(0, i)]?.id ?? null
}

/** Builds the Finish review checklist. */
export function buildFinishChecklist(input: ChecklistInput): FinishChecklist {
  const lines: ChecklistLine[] = []
  const segs = input.segments

  const heard = input.heardPercent
  if (typeof heard !== 'number') lines.push({ id: 'heard', label: 'Audio heard', status: 'not-tracked', detail: 'Not tracked', note: { code: 'notTracked' }, first: null })
  else {
    const shown = Math.floor(heard)
    const firstMs = input.firstUnheardMs ?? null
    lines.push({ id: 'heard', label: 'Audio heard', status: heard >= 100 ? 'done' : 'open', detail: `Heard ${shown}%`, note: { code: 'heard', values: { percent: shown } }, first: heard >= 100 || firstMs === null ? null : { segmentId: segmentAt(segs, firstMs), ms: firstMs } })
  }

  const queue = input.queueLeft
  if (!queue) lines.push({ id: 'queue', label: 'Review queue', status: 'not-tracked', detail: 'Not tracked', note: { code: 'notTracked' }, first: null })
  else lines.push({ id: 'queue', label: 'Review queue', status: queue.count > 0 ? 'open' : 'done', detail: queue.count > 0 ? `${plural(queue.count, 'item')} left` : 'No items left', note: queue.count > 0 ? { code: 'queueLeft', values: { n: queue.count } } : { code: 'noItemsLeft' }, first: queue.count > 0 ? queue.first : null })

  const unreviewed = segs.filter((s) => !s.reviewed)
  lines.push({
    id: 'unreviewed',
    label: 'Segments not reviewed',
    status: unreviewed.length > 0 ? 'open' : 'done',
    detail: unreviewed.length > 0 ? `${plural(unreviewed.length, 'segment')} of ${segs.length} not marked reviewed` : `All ${plural(segs.length, 'segment')} reviewed`,
    note: unreviewed.length > 0 ? { code: 'unreviewed', values: { n: unreviewed.length, total: segs.length } } : { code: 'allReviewed', values: { n: segs.length } },
    first: unreviewed.length > 0 ? { segmentId: unreviewed[0].id, ms: unreviewed[0].startMs } : null
  })

  // `secondPass` is an optional segment mark; a model without it has no second-pass line to fail.
  const second = segs.filter((s) => (s as Segment & { readonly secondPass?: boolean }).secondPass === true)
  const tracksSecondPass = segs.some((s) => 'secondPass' in s)
  lines.push({
    id: 'second-pass',
    label: 'Marked for a second pass',
    status: second.length > 0 ? 'open' : tracksSecondPass ? 'done' : 'not-tracked',
    detail: second.length > 0 ? `${plural(second.length, 'segment')} marked for a second pass` : tracksSecondPass ? 'None' : 'Not tracked',
    note: second.length > 0 ? { code: 'secondPass', values: { n: second.length } } : { code: tracksSecondPass ? 'none' : 'notTracked' },
    first: second.length > 0 ? { segmentId: second[0].id, ms: second[0].startMs } : null
  })

  const qc = input.qc
  if (!qc) lines.push({ id: 'qc', label: 'Subtitle QC', status: 'not-tracked', detail: 'No subtitles to check', note: { code: 'noSubtitles' }, first: null })
  else {
    const { hard, soft } = qc.summary
    const firstBreach = qc.breaches.reduce<number | null>((min, b) => (min === null || b.mediaMs < min ? b.mediaMs : min), null)
    lines.push({
      id: 'qc',
      label: `Subtitle QC (${qc.preset})`,
      status: qc.breaches.length > 0 ? 'open' : 'done',
      detail: qc.breaches.length > 0 ? `${plural(hard, 'hard breach', 'hard breaches')}, ${plural(soft, 'soft breach', 'soft breaches')}` : 'No breaches',
      note: qc.breaches.length > 0 ? { code: 'breaches', values: { hard, soft } } : { code: 'noBreaches' },
      preset: qc.preset,
      first: firstBreach === null ? null : { segmentId: segmentAt(segs, firstBreach), ms: firstBreach }
    })
  }
  return { lines, open: lines.filter((l) => l.status === 'open').length }
}
