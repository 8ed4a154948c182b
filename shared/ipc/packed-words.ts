import type { ApiTranscriptSegment, ApiWord, TranscriptExport } from '../api/transcript-export'
import { transcriptBody } from '../api/transcript-export'
import { isKnownPlainList } from '../api/plain-word-lists'

/*
 * An opened export's words in columns for the trip to the renderer (issue 21). Words are most of
 * an export (a 50 MB one holds about a million), and IPC's structured clone writes and reads each
 * as an object of four properties: 32 MB on the wire for a 50 MB export and the renderer's
 * longest task while opening (the whole reply is read in one task). In columns — typed arrays,
 * which a structured clone copies as one block, and the texts as one string — the reply is less
 * than half the size, and the renderer rebuilds the word objects itself, faster than the clone's
 * reader does. Texts go once each (a word's column holds which): a 50 MB export has ~1.5 million
 * words but a few thousand distinct texts, so the renderer makes a few thousand strings, not a
 * string per word, and its words share them (less to allocate, collect and hold).
 *
 * Exact: only a "plain" word is packed (exactly `text`, `offsetInSeconds`, `durationInSeconds`,
 * `confidence` in that order, a string and three numbers or nulls), and is rebuilt as the same
 * JSON, key order included; a list holding any other word stays in place as objects. A
 * segment's `originalWords` sharing word objects with its `displayWords` (share-word-lists.ts)
 * share them again after the trip. The export sent is a copy: main's own is never changed.
 */

/** A segment's `originalWords` in `PackedWords.original`: left in place (not a list, not packed, or its display list was not packed). */
const InPlace = 0
/** The very list of `displayWords`. */
const SameList = 1
/** Packed after the display words; a word the same object as the display word at its place is marked in `shared`. */
const Packed = 2
type Original = typeof InPlace | typeof SameList | typeof Packed

/** The words taken out of an export's segments, in columns; `unpackWords` puts them back. */
export interface PackedWords {
  /** Per segment: how many display words are packed, or -1 when its lists were left in place. */
  readonly display: Int32Array
  /** Per segment: what became of `originalWords` (0 in place, 1 the display list, 2 packed). */
  readonly original: Uint8Array
  /** Per segment: how many original words are packed (when `original` is 2). */
  readonly originalCount: Uint32Array
  /** Per packed word: 1 for an original word that is the display word at its place (no column values). */
  readonly shared: Uint8Array
  /** Per packed word: which distinct text it has (its place in `textLengths`). */
  readonly textIds: Uint16Array | Uint32Array
  /** Per distinct text: its length in `texts`. */
  readonly textLengths: Uint32Array
  /** The packed words' distinct texts, one after the other. */
  readonly texts: string
  /** Per packed word; NaN stands for null (JSON has no NaN). */
  readonly offsets: Float64Array
  readonly durations: Float64Array
  readonly confidences: Float64Array
}

const plainKeys = ['text', 'offsetInSeconds', 'durationInSeconds', 'confidence'] as const

/** A number that is not NaN (NaN is the column's null), or null. */
function isColumnValue(value: unknown): boolean {
  return value === null || (typeof value === 'number' && !Number.isNaN(value))
}

/** True for a word that rebuilds exactly from the columns. */
function isPlainWord(word: unknown): word is ApiWord {
  if (word === null || typeof word !== 'object' || Object.getPrototypeOf(word) !== Object.prototype) return false
  let k = 0
  for (const key in word) {
    if (k >= 4 || key !== plainKeys[k]) return false
    k++
  }
  if (k !== 4) return false
  const w = word as Record<string, unknown>
  return typeof w['text'] === 'string' && isColumnValue(w['offsetInSeconds']) && isColumnValue(w['durationInSeconds']) && isColumnValue(w['confidence'])
}

/** True for an array whose every element is plain. */
function isPlainList(list: unknown): list is ApiWord[] {
  if (!Array.isArray(list)) return false
  for (let k = 0; k < list.length; k++) if (!(k in list) || !isPlainWord(list[k])) return false
  return true
}

/** How `original` packs against the packed list `display`. */
function originalMode(display: ApiWord[], original: unknown): Original {
  if (original === display) return SameList
  if (!Array.isArray(original)) return InPlace
  for (let k = 0; k < original.length; k++) {
    if (!(k in original)) return InPlace
    const word: unknown = original[k]
    if (!(k < display.length && word === display[k]) && !isPlainWord(word)) return InPlace
  }
  return Packed
}

/**
 * `data` with its plain word lists taken out into columns (the lists left empty in the copy), or
 * null when no list packs (then `data` goes as it is).
 */
export function packWords(data: TranscriptExport): { data: TranscriptExport; words: PackedWords } | null {
  const segments = transcriptBody(data).transcripts
  if (!Array.isArray(segments) || segments.length === 0) return null
  const n = segments.length
  const display = new Int32Array(n)
  const original = new Uint8Array(n)
  const originalCount = new Uint32Array(n)
  // First the plan (which lists pack), so the columns are allocated at their exact size.
  let slots = 0
  for (let s = 0; s < n; s++) {
    const segment = segments[s]
    const words = segment?.displayWords
    // A list the export check just found plain is not walked again (plain-word-lists.ts).
    if (!(isKnownPlainList(words) || isPlainList(words))) {
      display[s] = -1
      continue
    }
    display[s] = words.length
    slots += words.length
    original[s] = originalMode(words, segment.originalWords)
    if (original[s] === Packed) {
      originalCount[s] = (segment.originalWords as unknown[]).length
      slots += originalCount[s]
    }
  }
  if (slots === 0 && !display.some((count) => count >= 0)) return null
  const shared = new Uint8Array(slots)
  const ids = new Uint32Array(slots)
  const offsets = new Float64Array(slots)
  const durations = new Float64Array(slots)
  const confidences = new Float64Array(slots)
  const distinct = new Map<string, number>()
  const texts: string[] = []
  let at = 0
  const put = (word: ApiWord): void => {
    const text = word.text as string
    let id = distinct.get(text)
    if (id === undefined) {
      id = texts.length
      distinct.set(text, id)
      texts.push(text)
    }
    ids[at] = id
    offsets[at] = word.offsetInSeconds ?? NaN
    durations[at] = word.durationInSeconds ?? NaN
    confidences[at] = word.confidence ?? NaN
    at++
  }
  const copies: ApiTranscriptSegment[] = new Array<ApiTranscriptSegment>(n)
  for (let s = 0; s < n; s++) {
    const segment = segments[s]
    if (display[s] < 0) {
      copies[s] = segment
      continue
    }
    const copy = { ...segment }
    const words = segment.displayWords as ApiWord[]
    for (let k = 0; k < words.length; k++) put(words[k])
    copy.displayWords = []
    if (original[s] === SameList) copy.originalWords = []
    else if (original[s] === Packed) {
      const originals = segment.originalWords as ApiWord[]
      for (let k = 0; k < originals.length; k++) {
        if (k < words.length && originals[k] === words[k]) shared[at++] = 1
        else put(originals[k])
      }
      copy.originalWords = []
    }
    copies[s] = copy
  }
  const transcript = Array.isArray(data.transcript) ? copies : { ...transcriptBody(data), transcripts: copies }
  // Two bytes a word when the distinct texts allow (they nearly always do).
  const textIds = texts.length <= 0x10000 ? new Uint16Array(ids) : ids
  const textLengths = Uint32Array.from(texts, (text) => text.length)
  return {
    data: { ...data, transcript },
    words: { display, original, originalCount, shared, textIds, textLengths, texts: texts.join(''), offsets, durations, confidences }
  }
}

/** The column's value: NaN reads as null. */
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value)

/**
 * Puts packed words back into `data` (the copy `packWords` made, as received: its segment objects
 * are filled in place) and returns it. Throws when the columns do not fit the segments.
 */
export function unpackWords(data: TranscriptExport, words: PackedWords): TranscriptExport {
  const segments = transcriptBody(data).transcripts ?? []
  const { display, original, originalCount, shared, textIds, textLengths, texts, offsets, durations, confidences } = words
  if (display.length !== segments.length) throw new Error(`The opened task's words did not arrive whole (${display.length} lists for ${segments.length} segments).`)
  const dictionary = new Array<string>(textLengths.length)
  let textAt = 0
  for (let k = 0; k < textLengths.length; k++) {
    dictionary[k] = texts.slice(textAt, textAt + textLengths[k])
    textAt += textLengths[k]
  }
  if (textAt !== texts.length) throw new Error(`The opened task's words did not arrive whole (${textAt} of ${texts.length} characters of text).`)
  let at = 0
  const take = (): ApiWord => {
    const text = dictionary[textIds[at]]
    if (text === undefined) throw new Error(`The opened task's words did not arrive whole (word ${at} has no text).`)
    const word = { text, offsetInSeconds: orNull(offsets[at]), durationInSeconds: orNull(durations[at]), confidence: orNull(confidences[at]) }
    at++
    return word
  }
  for (let s = 0; s < segments.length; s++) {
    const count = display[s]
    if (count < 0) continue
    const segment = segments[s]
    const list = new Array<ApiWord>(count)
    for (let k = 0; k < count; k++) list[k] = take()
    segment.displayWords = list
    if (original[s] === SameList) segment.originalWords = list
    else if (original[s] === Packed) {
      const originals = new Array<ApiWord>(originalCount[s])
      for (let k = 0; k < originals.length; k++) {
        if (shared[at] === 1) {
          originals[k] = list[k]
          at++
        } else originals[k] = take()
      }
      segment.originalWords = originals
    }
  }
  if (at !== shared.length || textIds.length !== shared.length) throw new Error(`The opened task's words did not arrive whole (${at} of ${shared.length} words).`)
  return data
}

/** What carries an export with its words perhaps packed (an opened transcript as main replies). */
export interface MaybePacked {
  readonly data: TranscriptExport
  /** Set by main: `data`'s packed word lists are empty until `unpackOpened` fills them. */
  readonly packedWords?: PackedWords
}

/** `opened` with its words back in `data` (as received over IPC: filled in place); unchanged when nothing was packed. */
export function unpackOpened<T extends MaybePacked>(opened: T): T {
  if (!opened.packedWords) return opened
  const { packedWords, ...rest } = opened
  return { ...rest, data: unpackWords(opened.data, packedWords) } as T
}
