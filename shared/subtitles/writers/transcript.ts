import type { Speaker, TranscriptModel } from '../../transcript/model'
import { cleanText } from '../text'
import { formatHms } from '../../time'
import { speakerLabel } from './speakers'

/*
 * Transcripts (plain text and DOCX) share one reading of the model: a paragraph per segment,
 * the speaker's label where the speaker changes (or on every paragraph), an optional timecode,
 * and annotations as bracketed paragraphs in time order when asked for.
 */

/** Transcript options. */
export interface TranscriptOptions {
  /** `[HH:MM:SS]` before each paragraph. Default false. */
  readonly timecodes?: boolean
  /** Label every paragraph, or only where the speaker changes (default). */
  readonly labels?: 'change' | 'every'
  /** Annotations as `[text]` paragraphs. Default false. */
  readonly annotations?: boolean
  /** Added to the timecodes (a programme start), ms. */
  readonly startOffsetMs?: number
}

/** One transcript paragraph. */
export interface TranscriptParagraph {
  readonly startMs: number
  readonly timecode: string | null
  /** The speaker label with prefix/suffix and a colon, or null when not repeated. */
  readonly label: string | null
  readonly text: string
  readonly kind: 'speech' | 'annotation'
}

/** The paragraphs of a transcript as the writers lay them out. */
export function transcriptParagraphs(model: TranscriptModel, options: TranscriptOptions = {}): TranscriptParagraph[] {
  const byId = new Map<string, Speaker>(model.speakers.map((s) => [s.id, s]))
  const offset = options.startOffsetMs ?? 0
  const stamp = (ms: number): string | null => (options.timecodes ? formatHms(ms + offset) : null)
  const speech: TranscriptParagraph[] = []
  let previous: string | null = null
  for (const segment of model.segments) {
    const text = segment.words
      .map((w) => cleanText(w.text))
      .filter(Boolean)
      .join(' ')
    if (!text) continue
    const startMs = segment.words.length ? Math.min(segment.startMs, segment.words[0].startMs) : segment.startMs
    const showLabel = options.labels === 'every' || segment.speakerId !== previous
    previous = segment.speakerId
    // A segment with no speaker at all (blank id and no name) gets no label rather than "Speaker:".
    const known = segment.speakerId.trim() !== '' || !!byId.get(segment.speakerId)?.name.trim()
    const label = showLabel && known ? speakerLabel(byId.get(segment.speakerId), segment.speakerId) : null
    speech.push({ startMs, timecode: stamp(startMs), label, text, kind: 'speech' })
  }
  if (!options.annotations) return speech
  const notes = model.annotations
    .filter((a) => cleanText(a.content))
    .map((a): TranscriptParagraph => ({ startMs: a.startMs, timecode: stamp(a.startMs), label: null, text: `[${cleanText(a.content)}]`, kind: 'annotation' }))
  // Stable merge by time: an annotation goes after the paragraphs that start before it.
  const out: TranscriptParagraph[] = []
  let n = 0
  const sorted = [...notes].sort((a, b) => a.startMs - b.startMs)
  for (const p of speech) {
    while (n < sorted.length && sorted[n].startMs < p.startMs) out.push(sorted[n++])
    out.push(p)
  }
  return out.concat(sorted.slice(n))
}

/** Plain-text transcript: paragraphs separated by a blank line, UTF-8, `\n` line ends. */
export function writeTxt(model: TranscriptModel, options: TranscriptOptions = {}): string {
  const paragraphs = transcriptParagraphs(model, options).map((p) =>
    [p.timecode ? `[${p.timecode}]` : '', p.label ?? '', p.text].filter(Boolean).join(' ')
  )
  return paragraphs.join('\n\n') + '\n'
}
