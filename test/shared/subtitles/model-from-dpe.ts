import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { Segment, Speaker, TranscriptModel, Word } from '../../../shared/transcript/model'

/*
 * Builds a TranscriptModel straight from the real dpe fixtures (words {start,end,text} in
 * seconds, paragraphs {start,end,speaker}), so the subtitle tests do not depend on the
 * normaliser being finished. Each paragraph becomes a segment holding the words that start
 * inside it.
 */

/** The shared folder beside the repo root (or SDTE_SHARED_DIR). */
export function sharedDir(): string {
  if (process.env.SDTE_SHARED_DIR) return resolve(process.env.SDTE_SHARED_DIR)
  const here = dirname(fileURLToPath(import.meta.url))
  return resolve(here, '../../../../shared')
}

/** Path of a real fixture by file name. */
export function realFixturePath(name: string): string {
  return join(sharedDir(), 'fixtures', 'real', name)
}

/** The dpe fixtures' file names. */
export const dpeFixtures = ['kate-darling-ted.dpe.json', 'soleio-interview.dpe.json', 'senate-hearing-2h.dpe.json'] as const

interface Dpe {
  words: { start: number; end: number; text: string }[]
  paragraphs: { start: number; end: number; speaker: string }[]
}

const ms = (seconds: number): number => Math.round(seconds * 1000)

/** A model from a dpe fixture file. */
export function modelFromDpe(name: string): TranscriptModel {
  const dpe = JSON.parse(readFileSync(realFixturePath(name), 'utf8')) as Dpe
  const speakerIds = [...new Set(dpe.paragraphs.map((p) => p.speaker))]
  const speakers: Speaker[] = speakerIds.map((id) => ({ id, name: id, prefix: '', suffix: '', placeholder: false }))
  const segments: Segment[] = []
  let w = 0
  dpe.paragraphs.forEach((p, k) => {
    const last = k === dpe.paragraphs.length - 1
    const words: Word[] = []
    // Words belong to the paragraph they start in; the last paragraph takes any stragglers.
    while (w < dpe.words.length && (last || dpe.words[w].start < dpe.paragraphs[k + 1].start)) {
      const word = dpe.words[w]
      words.push({ id: `w${w}`, text: word.text, startMs: ms(word.start), endMs: ms(word.end), confidence: null, estimated: false })
      w++
    }
    segments.push({ id: `s${k}`, speakerId: p.speaker, startMs: ms(p.start), endMs: ms(p.end), words, reviewed: false })
  })
  const durationMs = Math.max(...dpe.words.map((x) => ms(x.end)))
  return {
    taskId: 1,
    source: { taskId: 1, transcript: { transcripts: [], speakers: [], annotations: [] } } as unknown as TranscriptExport,
    timeUnit: 'seconds',
    confidenceScale: 1,
    durationMs,
    segments,
    speakers,
    annotations: [],
    issues: []
  }
}
