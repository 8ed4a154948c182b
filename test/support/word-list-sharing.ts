import { transcriptBody } from '../../shared/api/transcript-export'
import type { TranscriptExport } from '../../shared/api/transcript-export'

/**
 * Which words each segment's originalWords shares with its displayWords (as objects): 'list' for
 * the same list, a '1'/'0' per word where the lists differ, '-' where either is missing. Parsers
 * that share word lists (share-word-lists.ts, fast-export-check.ts) must share exactly as the
 * usual path does.
 */
export function wordListSharing(exp: TranscriptExport): string[] {
  return (transcriptBody(exp).transcripts ?? []).map((s) => {
    const d = s.displayWords
    const o = s.originalWords
    if (!Array.isArray(d) || !Array.isArray(o)) return '-'
    if (d === o) return 'list'
    return o.map((w, k) => (w === d[k] ? '1' : '0')).join('')
  })
}
