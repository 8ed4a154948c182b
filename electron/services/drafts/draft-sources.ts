/*
 * Drafts without the export written twice (issue 21). A draft's document is the renderer's
 * transcript model: the export whole under `source`, and every segment's and word's `source`,
 * which are the export's own segment and word objects. Written as JSON that was the export two
 * more times over (a 50 MB export made drafts of ~150 MB). A full draft now writes each segment's
 * and word's `source` as `sourceRef`, where it is in the document's export:
 *   segment `sourceRef: i`        → the export's segment i
 *   word    `sourceRef: [i, j]`   → segment i's displayWords[j]
 *   word    `sourceRef: [i, j, 1]`→ segment i's originalWords[j]
 * and reading puts the very objects back (`unpackDraftSources`), before any journal is replayed.
 * A `source` that is not one of the export's objects (the renderer's structured clone keeps them
 * shared; anything else) is written whole, as before. Documents of another shape pass unchanged.
 */

type Json = Record<string, unknown>

/** The draft layout whose documents may hold `sourceRef`s (drafts of layout 1 never do). */
export const packedSourcesVersion = 2

/** The export's segment list, as normalise reads it (`transcript.transcripts`, or `transcript` itself). */
function exportSegments(exp: unknown): readonly unknown[] | null {
  if (!exp || typeof exp !== 'object') return null
  const transcript = (exp as Json)['transcript']
  if (Array.isArray(transcript)) return transcript
  const list = transcript && typeof transcript === 'object' ? (transcript as Json)['transcripts'] : null
  return Array.isArray(list) ? list : null
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Where a segment's words are in the export: by place first, else by object (a map built once per export segment). */
class WordIndex {
  private readonly lists = new Map<number, Map<unknown, number>>()

  constructor(private readonly segments: readonly unknown[]) {}

  /**
   * `[i, j]` / `[i, j, 1]` for a word of export segment i, or null: the word at `position` (the
   * usual case, no lookup), else the same object elsewhere in the segment, else (a segment sent
   * again in a journal patch is a copy) an equal flat word at `position`.
   */
  refOf(word: unknown, i: number, position: number): number[] | null {
    const seg = i >= 0 && i < this.segments.length ? this.segments[i] : null
    if (!isRecord(seg)) return null
    const shown = Array.isArray(seg['displayWords']) ? (seg['displayWords'] as unknown[]) : null
    const original = Array.isArray(seg['originalWords']) ? (seg['originalWords'] as unknown[]) : null
    if (position >= 0 && shown?.[position] === word) return [i, position]
    if (position >= 0 && original?.[position] === word) return [i, position, 1]
    const found = this.inSegment(i, shown, original).get(word)
    if (found !== undefined) return found >= 0 ? [i, found] : [i, -1 - found, 1]
    if (position >= 0 && sameFlatWord(shown?.[position], word)) return [i, position]
    if (position >= 0 && sameFlatWord(original?.[position], word)) return [i, position, 1]
    return null
  }

  /** Word → its place: j in displayWords, or -1 - j in originalWords. */
  private inSegment(i: number, shown: readonly unknown[] | null, original: readonly unknown[] | null): Map<unknown, number> {
    let map = this.lists.get(i)
    if (map) return map
    map = new Map()
    // originalWords first, so a word in both lists (shared lists) is named by displayWords.
    original?.forEach((w, j) => map.set(w, -1 - j))
    shown?.forEach((w, j) => map.set(w, j))
    this.lists.set(i, map)
    return map
  }
}

/**
 * The document to write: segments' and words' `source`s that are the export's own objects given
 * as `sourceRef`s. New objects only where something is replaced; `document` itself is not changed.
 */
export function packDraftSources(document: unknown): unknown {
  if (!isRecord(document) || !Array.isArray(document['segments'])) return document
  const list = exportSegments(document['source'])
  if (!list) return document
  const segmentIndex = new Map<unknown, number>()
  list.forEach((seg, i) => segmentIndex.set(seg, i))
  const words = new WordIndex(list)
  const segments = (document['segments'] as unknown[]).map((segment) => {
    if (!isRecord(segment)) return segment
    const i = segmentIndex.get(segment['source'])
    const out = i === undefined ? { ...segment } : renamed(segment, 'source', 'sourceRef', i)
    if (Array.isArray(segment['words'])) {
      out['words'] = (segment['words'] as unknown[]).map((word, k) => {
        if (!isRecord(word) || word['source'] === undefined) return word
        const home = i ?? -1
        // A word moved by a split or merge has its source one export segment over.
        const ref = words.refOf(word['source'], home, k) ?? words.refOf(word['source'], home - 1, -1) ?? words.refOf(word['source'], home + 1, -1)
        return ref ? renamed(word, 'source', 'sourceRef', ref) : word
      })
    }
    return out
  })
  return { ...document, segments }
}

/** A copy of `record` with member `from` replaced by `to: value` in the same place (key order is kept). */
function renamed(record: Json, from: string, to: string, value: unknown): Json {
  const out: Json = {}
  for (const key of Object.keys(record)) {
    if (key === from) out[to] = value
    else if (key !== to) out[key] = record[key]
  }
  return out
}

/** True when `b` has exactly `a`'s members in `a`'s order, all of them primitives (a word as the API sends it). */
function sameFlatWord(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  const other = Object.keys(b)
  if (keys.length !== other.length) return false
  for (let k = 0; k < keys.length; k++) {
    const value = a[keys[k]]
    if (keys[k] !== other[k] || (value !== null && typeof value === 'object') || !Object.is(value, b[keys[k]])) return false
  }
  return true
}

/** A stored document with every `sourceRef` replaced by the export object it names; throws on a dangling ref. */
export function unpackDraftSources(document: unknown): unknown {
  if (!isRecord(document) || !Array.isArray(document['segments'])) return document
  const list = exportSegments(document['source'])
  let packed = false
  const segments = (document['segments'] as unknown[]).map((segment) => {
    if (!isRecord(segment)) return segment
    const segmentRef = segment['sourceRef']
    const wordsIn = segment['words']
    const hasWordRefs = Array.isArray(wordsIn) && wordsIn.some((w) => isRecord(w) && 'sourceRef' in w)
    if (segmentRef === undefined && !hasWordRefs) return segment
    packed = true
    const out = segmentRef === undefined ? { ...segment } : renamed(segment, 'sourceRef', 'source', at(list, segmentRef))
    if (hasWordRefs) {
      out['words'] = (wordsIn as unknown[]).map((word) => (isRecord(word) && 'sourceRef' in word ? renamed(word, 'sourceRef', 'source', wordAt(list, word['sourceRef'])) : word))
    }
    return out
  })
  return packed ? { ...document, segments } : document
}

function at(list: readonly unknown[] | null, ref: unknown): unknown {
  if (!list || typeof ref !== 'number' || !Number.isInteger(ref) || ref < 0 || ref >= list.length) throw new Error(`a segment names export segment ${String(ref)}, which the draft's export does not have`)
  return list[ref]
}

function wordAt(list: readonly unknown[] | null, ref: unknown): unknown {
  const valid = Array.isArray(ref) && (ref.length === 2 || (ref.length === 3 && ref[2] === 1)) && ref.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  if (!valid) throw new Error(`a word names ${JSON.stringify(ref)}, which is not a word's place in the export`)
  const [i, j, original] = ref as number[]
  const segment = at(list, i) as Json
  const words = segment[original === 1 ? 'originalWords' : 'displayWords']
  if (!Array.isArray(words) || j >= words.length) throw new Error(`a word names export segment ${i}'s word ${j}, which the draft's export does not have`)
  return words[j]
}
