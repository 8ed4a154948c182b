import type { ApiTranscriptSegment, ApiWord, TranscriptExport } from './transcript-export'
import { transcriptBodySchema, transcriptExportSchema, transcriptSegmentSchema } from './transcript-export'
import { exceedsDepth, maxExportDepth } from './nesting-depth'
import { sameWord, shareWith } from './share-word-lists'
import type { MarkedOriginals } from './same-original-words'
import { rememberPlainList } from './plain-word-lists'

/*
 * The common, valid export checked in one walk (issue 21). Opening an export used to walk its
 * million words three times after JSON.parse — the depth check, the schema, then the sharing of
 * equal word lists (share-word-lists.ts) — about 300 ms of a 50 MB export's open. Here each
 * segment is checked by hand, its nesting measured and its word lists shared while its words are
 * at hand; the small rest (task fields, speakers, annotations, metadata) goes through the schema
 * itself. The answer is exactly what the depth check, `transcriptExportSchema` and
 * `shareEqualWordLists` give — the same values, key order included (a loose object writes its
 * shape's keys first) — or null whenever anything is not plainly valid: then the caller runs the
 * usual path, whose messages are the schema's own. Nothing here accepts what the schema refuses.
 */

/** Segment keys in the schema's shape order: a loose object writes these first, then the others as given. */
const segmentKeys = Object.keys(transcriptSegmentSchema.shape) as ReadonlyArray<keyof ApiTranscriptSegment>
const segmentKeySet = new Set<string>(segmentKeys)

/** Null, undefined or a finite number. */
function isOptionalFinite(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value))
}

/** A string or null (optional: a key given as undefined is left to the schema). */
const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string'
/** A finite number or null. */
const isNullableFinite = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isFinite(value))

/** A word's keys when it is plain: exactly these, in this order. */
const plainKeys = ['text', 'offsetInSeconds', 'durationInSeconds', 'confidence']

/** Per word of the display and the original list being checked: 1 when the word's own keys are `plainKeys`. */
let displayPlain: Uint8Array = new Uint8Array(1024)
let originalPlain: Uint8Array = new Uint8Array(1024)

/**
 * True when `words` (found at `depth`) is a list the schema takes as it is (an array of valid
 * words, as `wordSchema` reads them) and nothing in it nests to the limit; `plain` is filled with
 * which words have exactly the plain keys (compared field by field when shared).
 */
function isValidWordList(words: unknown, depth: number, limit: number, plain: Uint8Array): words is ApiWord[] {
  if (!Array.isArray(words)) return false
  // Plain as the IPC packing reads a word, for all of them (plain-word-lists.ts).
  let packable = true
  for (let k = 0; k < words.length; k++) {
    const word: unknown = words[k]
    if (word === null || typeof word !== 'object' || Array.isArray(word)) return false
    const w = word as Record<string, unknown>
    const text = w['text']
    if (text !== null && typeof text !== 'string') return false
    if (!isOptionalFinite(w['offsetInSeconds']) || !isOptionalFinite(w['durationInSeconds']) || !isOptionalFinite(w['confidence'])) return false
    // Extra fields are kept; one holding an object may nest to the limit.
    let n = 0
    let isPlain = true
    for (const key in w) {
      if (!Object.hasOwn(w, key)) continue
      if (isPlain && (n >= 4 || key !== plainKeys[n])) isPlain = false
      n++
      const member = w[key]
      if (member !== null && typeof member === 'object' && exceedsDepth(member, depth + 2, limit)) return false
    }
    plain[k] = isPlain && n === 4 ? 1 : 0
    if (packable) packable = plain[k] === 1 && typeof text === 'string' && Object.getPrototypeOf(w) === Object.prototype
  }
  if (packable) rememberPlainList(words as ApiWord[])
  return true
}

/** A scratch list of at least `length` entries (grown by doubling). */
const atLeast = (scratch: Uint8Array, length: number): Uint8Array => (scratch.length >= length ? scratch : new Uint8Array(Math.max(length, scratch.length * 2)))

/** Two plain words (`plainKeys`, primitive values) are the same JSON when their prototypes and values are. */
function samePlainWord(a: ApiWord, b: ApiWord): boolean {
  return a === b || (Object.getPrototypeOf(a) === Object.getPrototypeOf(b) && Object.is(a.text, b.text) && Object.is(a.offsetInSeconds, b.offsetInSeconds) && Object.is(a.durationInSeconds, b.durationInSeconds) && Object.is(a.confidence, b.confidence))
}

/** The marker of the marked text being checked (same-original-words.ts), or null; and how many were met in segments. */
let marker: string | null = null
let markersFound = 0

/** True for a display list just checked whose every word is plain (its copy would be shared whole). */
function isPlainDisplay(display: unknown): boolean {
  if (!Array.isArray(display)) return false
  for (let k = 0; k < display.length; k++) if (displayPlain[k] !== 1) return false
  return true
}

/** Plain word pairs of lists just checked (their marks current) are compared field by field. */
const samePlaceWord = (a: ApiWord, b: ApiWord, k: number): boolean => (displayPlain[k] === 1 && originalPlain[k] === 1 ? samePlainWord(a, b) : sameWord(a, b))

/** True when the known field `key` holds what the segment schema takes (and gives back unchanged). */
function isValidField(key: string, value: unknown, depth: number, limit: number): boolean {
  switch (key) {
    case 'speakerId':
    case 'displayText':
      return isNullableString(value)
    case 'displayWords':
      if (Array.isArray(value)) displayPlain = atLeast(displayPlain, value.length)
      return value === null || isValidWordList(value, depth + 1, limit, displayPlain)
    case 'originalWords':
      if (Array.isArray(value)) originalPlain = atLeast(originalPlain, value.length)
      return value === null || isValidWordList(value, depth + 1, limit, originalPlain)
    default:
      // start, end, duration, confidence: numbers (finite, as zod 4 reads them) or null.
      return isNullableFinite(value)
  }
}

/**
 * The segment as the schema gives it back (a fresh object, shape keys first), its original words
 * sharing its display words where they are the same JSON; null when not plainly valid.
 */
function checkedSegment(segment: unknown, depth: number, limit: number): ApiTranscriptSegment | null {
  if (segment === null || typeof segment !== 'object' || Array.isArray(segment) || Object.getPrototypeOf(segment) !== Object.prototype) return null
  const src = segment as Record<string, unknown>
  const out: Record<string, unknown> = {}
  let marked = false
  for (const key of segmentKeys) {
    if (!Object.hasOwn(src, key)) continue
    const value = src[key]
    if (key === 'originalWords' && marker !== null && value === marker) {
      // A copy of the display list left out of the text (same-original-words.ts): the list itself.
      if (!isPlainDisplay(out['displayWords'])) return null
      marked = true
      markersFound++
      out[key] = out['displayWords']
      continue
    }
    if (!isValidField(key, value, depth, limit)) return null
    out[key] = value
  }
  for (const key in src) {
    if (!Object.hasOwn(src, key) || segmentKeySet.has(key)) continue
    // The schema drops an own `__proto__`; undefined values and deep nesting are its to judge.
    const value = src[key]
    if (key === '__proto__' || value === undefined) return null
    // Beside a marker, only primitives (see same-original-words.ts: nothing may open around the list).
    if (marked && value !== null && typeof value === 'object') return null
    if (value !== null && typeof value === 'object' && exceedsDepth(value, depth + 1, limit)) return null
    out[key] = value
  }
  // The shape lists displayWords before originalWords: both lists' plain marks are current here.
  const display = out['displayWords']
  const original = out['originalWords']
  if (Array.isArray(display) && Array.isArray(original)) out['originalWords'] = shareWith(display as ApiWord[], original as ApiWord[], samePlaceWord)
  return out as ApiTranscriptSegment
}

/** The segments as the schema gives them back (see `checkedSegment`), or null. */
function checkedSegments(segments: unknown, depth: number, limit: number): ApiTranscriptSegment[] | null {
  if (!Array.isArray(segments)) return null
  const out = new Array<ApiTranscriptSegment>(segments.length)
  for (let k = 0; k < segments.length; k++) {
    const segment = checkedSegment(segments[k], depth + 1, limit)
    if (segment === null) return null
    out[k] = segment
  }
  return out
}

/** True when an own member of `value` other than `skip` nests to the limit (`value` found at `depth`). */
function othersTooDeep(value: Record<string, unknown>, skip: string, depth: number, limit: number): boolean {
  for (const key in value) {
    if (key === skip || !Object.hasOwn(value, key)) continue
    if (exceedsDepth(value[key], depth + 1, limit)) return true
  }
  return false
}

/** A plain object's own `key` replaced by null (the schema checks the rest; the segments are checked by hand). */
function withNull(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return { ...value, [key]: null }
}

/** The `transcript` value as the schema gives it back, or null (`undefined` for "leave it to the schema"). */
function checkedTranscript(transcript: unknown, limit: number): unknown {
  if (Array.isArray(transcript)) return checkedSegments(transcript, 1, limit)
  if (transcript === null || typeof transcript !== 'object' || Object.getPrototypeOf(transcript) !== Object.prototype) return null
  const body = transcript as Record<string, unknown>
  if (Object.hasOwn(body, '__proto__') || othersTooDeep(body, 'transcripts', 1, limit)) return null
  const segments = body['transcripts']
  if (!Object.hasOwn(body, 'transcripts') || segments === null) {
    const whole = transcriptBodySchema.safeParse(body)
    return whole.success ? whole.data : null
  }
  const checked = checkedSegments(segments, 2, limit)
  if (checked === null) return null
  const rest = transcriptBodySchema.safeParse(withNull(body, 'transcripts'))
  if (!rest.success) return null
  return { ...rest.data, transcripts: checked }
}

/**
 * `body` (parsed JSON) as the depth check, `transcriptExportSchema` and `shareEqualWordLists`
 * would give it, in one walk of its words; null when any of them might say otherwise (the caller
 * then takes the usual path, for its messages). `marked`: `body` was parsed from a marked text
 * (same-original-words.ts), its markers standing for their segments' display lists.
 */
export function fastTranscriptExport(body: unknown, marked?: Pick<MarkedOriginals, 'marker' | 'count'>): TranscriptExport | null {
  marker = marked?.marker ?? null
  markersFound = 0
  try {
    const checked = checkedExport(body)
    // Every marker must have been a segment's original words; one anywhere else leaves the value unlike the text's.
    return checked !== null && markersFound === (marked?.count ?? 0) ? checked : null
  } finally {
    marker = null
  }
}

/** `fastTranscriptExport` for the current marker. */
function checkedExport(body: unknown): TranscriptExport | null {
  // The containers walked by hand nest six levels at most: only what hangs below them can reach the limit.
  const limit = maxExportDepth
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.getPrototypeOf(body) !== Object.prototype) return null
  const exp = body as Record<string, unknown>
  if (Object.hasOwn(exp, '__proto__') || othersTooDeep(exp, 'transcript', 0, limit)) return null
  const transcript = exp['transcript']
  if (!Object.hasOwn(exp, 'transcript') || transcript === null || transcript === undefined) {
    const whole = transcriptExportSchema.safeParse(exp)
    return whole.success ? whole.data : null
  }
  const checked = checkedTranscript(transcript, limit)
  if (checked === null) return null
  const rest = transcriptExportSchema.safeParse(withNull(exp, 'transcript'))
  if (!rest.success) return null
  return { ...rest.data, transcript: checked as TranscriptExport['transcript'] }
}
