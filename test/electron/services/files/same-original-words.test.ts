import { describe, expect, it } from 'vitest'
import { fastTranscriptExport } from '../../../../shared/api/fast-export-check'
import { markSameOriginals } from '../../../../shared/api/same-original-words'
import type { TranscriptExport } from '../../../../shared/api/transcript-export'
import { parseTranscriptExport, parseWholeTranscriptExport } from '../../../../electron/services/files/read-export-file'
import { convertRealFixture, loadRealExport } from '../../../fixtures/real-to-export'
import { seededRandom } from '../../../support/seeded-random'
import { wordListSharing } from '../../../support/word-list-sharing'

/*
 * Issue 21: an export's text is parsed with the original word lists that repeat their display
 * lists verbatim left out (same-original-words.ts). Whatever the text, the answer must be the
 * whole text's: the same export (JSON, key order and shared lists), or the same refusal, word for
 * word. The texts below try to make a left-out copy stand for something it is not.
 */

type Outcome = { json: string; sharing: string[] } | { error: string }

function outcome(parse: (text: string, name: string) => TranscriptExport, text: string): Outcome {
  try {
    const data = parse(text, 'x.json')
    return { json: JSON.stringify(data), sharing: wordListSharing(data) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** The parse with copies left out agrees with the whole text's; true when copies were left out and the short way answered. */
function agrees(text: string): boolean {
  expect(outcome(parseTranscriptExport, text)).toEqual(outcome(parseWholeTranscriptExport, text))
  const marked = markSameOriginals(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (!marked) return false
  try {
    return fastTranscriptExport(JSON.parse(marked.text), marked) !== null
  } catch {
    return false
  }
}

const w = (text: string, at: number): string => `{"text":"${text}","offsetInSeconds":${at},"durationInSeconds":0.5,"confidence":0.9}`
const list = (...words: string[]): string => `[${words.join(',')}]`
const A = list(w('a', 0), w('b', 0.5))
const B = list(w('c', 1))
/** An export whose one segment's members are `members` (JSON text). */
const exportWith = (members: string, more = ''): string => `{"taskId":1,"displayName":"t","totalTimeInSeconds":9,"transcript":{"transcripts":[{"speakerId":"s","start":0,"end":2,"displayText":"a b",${members}}${more}],"speakers":[{"speakerId":"s","speakerName":"Ana"}]},"metadata":{"m":1}}`

describe('parsing an export with repeated original words left out', () => {
  it('gives the real exports exactly as the whole text does, with the copies left out', () => {
    for (const name of ['senate-hearing-2h.dpe.json', 'kate-darling-ted.dpe.json', 'soleio-interview.dpe.json']) {
      const text = JSON.stringify(convertRealFixture(name))
      expect(markSameOriginals(text)?.count, name).toBeGreaterThan(0)
      expect(agrees(text), name).toBe(true)
    }
    for (const name of ['ted-talk.speechmatics.json', 'today-in-focus.amazon-transcribe.json']) agrees(JSON.stringify(loadRealExport(name)))
    // Pretty-printed and with a byte order mark: nothing to leave out, or the same answer.
    agrees(JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'), null, 2))
    expect(agrees(`\ufeff${JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'))}`)).toBe(true)
  })

  it('answers the plain case the short way, and every crafted case as the whole text does', () => {
    expect(agrees(exportWith(`"displayWords":${A},"originalWords":${A}`))).toBe(true)
    expect(agrees(exportWith(`"displayWords":[],"originalWords":[]`))).toBe(true)
    const crafted = [
      // A later displayWords wins in JSON.parse: not a copy of the winner.
      exportWith(`"displayWords":${A},"originalWords":${A},"displayWords":${B}`),
      exportWith(`"displayWords":${A},"displayWords":${B},"originalWords":${A},"displayWords":${B}`),
      exportWith(`"displayWords":${A},"originalWords":null,"originalWords":${A}`),
      exportWith(`"displayWords":${A},"x":1,"originalWords":${A},"x":1`),
      exportWith(`"displayWords":${A},"x":{"y":1},"originalWords":${A},"x":{"y":1}`),
      // Copies in places that are not a segment's lists.
      exportWith(`"displayWords":${A},"originalWords":${A}`).replace('"metadata":{"m":1}', `"metadata":{"displayWords":${A},"originalWords":${A}}`),
      exportWith(`"displayWords":${list(`{"text":"a","offsetInSeconds":0,"durationInSeconds":1,"confidence":1,"x":{"displayWords":[1],"originalWords":[1]}}`)}`),
      exportWith(`"displayWords":${A},"originalWords":${A}`).replace('"speakerName":"Ana"', `"speakerName":"Ana","displayWords":${A},"originalWords":${A}`),
      // A list that is not the segment's own: opened inside an extra member, closed in the copy.
      exportWith(`"x":{"displayWords":${A},"y":[1]},"z":[2],"originalWords":${A},"y":[1]},"z":[2]`),
      exportWith(`"x":{"displayWords":${A},"y":[1]},"z":[2],"originalWords":${A},"y":[1]}`),
      exportWith(`"displayWords":${A},"x":{"displayWords":${A},"y":[1]},"z":[2],"originalWords":${A},"y":[1]},"z":[2]`),
      exportWith(`"displayWords":${A},"x":{"displayWords":${A},"y":1},"z":2,"originalWords":${A},"y":1},"z":2`),
      // Escaped keys and texts, words that are not plain, whitespace.
      exportWith(`"\\"displayWords":${B},"displayWords":${A},"originalWords":${A}`),
      exportWith(`"displayWords":${B},"\\"displayWords":${A},"originalWords":${A}`),
      exportWith(`"displayW\\u006frds":${A},"originalWords":${A}`),
      exportWith(`"displayWords":${list(w('say \\"hi\\"', 0))},"originalWords":${list(w('say \\"hi\\"', 0))}`),
      exportWith(`"displayWords":${list(`{"text":"a","offsetInSeconds":0,"durationInSeconds":1,"confidence":1,"x":2}`)},"originalWords":${list(`{"text":"a","offsetInSeconds":0,"durationInSeconds":1,"confidence":1,"x":2}`)}`),
      exportWith(`"displayWords":${list(`{"text":"a","__proto__":{"x":1}}`)},"originalWords":${list(`{"text":"a","__proto__":{"x":1}}`)}`),
      exportWith(`"displayWords": ${A},"originalWords": ${A}`),
      // Refusals: invalid JSON in the lists, a schema error elsewhere, a depth bomb.
      exportWith(`"displayWords":[1,],"originalWords":[1,]`),
      exportWith(`"displayWords":${A},"originalWords":${A}`).replace('"taskId":1', '"taskId":"1"'),
      exportWith(`"displayWords":${A},"originalWords":${A}`).replace('"metadata":{"m":1}', `"metadata":${'{"a":'.repeat(300)}1${'}'.repeat(300)}`),
      exportWith(`"displayWords":${A},"originalWords":${A}`).replace('"end":2', '"end":"2"'),
      exportWith(`"displayWords":[{"text":3}],"originalWords":[{"text":3}]`),
      exportWith(`"displayWords":${A},"originalWords":${A}`).slice(0, -1)
    ]
    for (const text of crafted) agrees(text)
  })

  it('agrees with the whole text on thousands of mangled exports (seeded)', () => {
    const random = seededRandom(21)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
    const tokens = ['[', ']', '{', '}', ',', '"', '\\', ':', '1', ' ', 'null', '"displayWords":', '"originalWords":', ',"originalWords":', '{"x":', '"x":[1],', A, B]
    const seeds = [
      exportWith(`"displayWords":${A},"originalWords":${A}`, `,{"start":3,"end":4,"displayWords":${B},"originalWords":${B}}`),
      exportWith(`"displayWords":${A},"originalWords":${A},"x":1`, `,{"start":3,"displayWords":${B},"originalWords":${A}}`)
    ]
    let answered = 0
    for (let run = 0; run < 3000; run++) {
      let text = pick(seeds)
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length)
        const cut = Math.floor(random() * 4)
        if (random() < 0.2) {
          // A stretch of the text repeated elsewhere: copies that are not what they look like.
          const from = Math.floor(random() * text.length)
          text = text.slice(0, at) + text.slice(from, from + Math.floor(random() * 80)) + text.slice(at)
        } else text = text.slice(0, at) + pick(tokens) + text.slice(at + cut)
      }
      if (agrees(text)) answered++
    }
    // Some mangled texts are still plain exports with copies (the short way was tried on them too).
    expect(answered).toBeGreaterThan(0)
  })
})
