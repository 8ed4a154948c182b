import { beforeAll, describe, expect, it } from 'vitest'
import type { Segment } from '../../../../shared/transcript'
import type { SignalContext } from '../../../../shared/review/queue'
import { lowConfidence } from '../../../../shared/review/queue/signals/low-confidence'
import { figureKind, number } from '../../../../shared/review/queue/signals/number'
import { name } from '../../../../shared/review/queue/signals/name'
import { rareWord } from '../../../../shared/review/queue/signals/rare-word'
import { speakerChange } from '../../../../shared/review/queue/signals/speaker-change'
import { overlap } from '../../../../shared/review/queue/signals/overlap'
import { longSilence } from '../../../../shared/review/queue/signals/long-silence'
import { stretchedWord } from '../../../../shared/review/queue/signals/stretched-word'
import { cueBreach } from '../../../../shared/review/queue/signals/cue-breach'
import { estimatedTiming } from '../../../../shared/review/queue/signals/estimated-timing'
import { fixtureModel, hitsOf, inputsFor } from './support'

/*
 * Each signal on the real fixtures: how many words it flags and the first ones (segment index,
 * word index, text), pinned so a change in what a signal finds shows up here, and a case on
 * either side of each rule's edge.
 */

const names = {
  kate: 'kate-darling-ted.dpe.json',
  soleio: 'soleio-interview.dpe.json',
  senate: 'senate-hearing-2h.dpe.json',
  today: 'today-in-focus.amazon-transcribe.json',
  ted: 'ted-talk.speechmatics.json'
} as const

const ctxs = new Map<string, SignalContext>()
beforeAll(async () => {
  for (const file of Object.values(names)) ctxs.set(file, await inputsFor(fixtureModel(file)))
})

const table = [
  // signal, fixture, count, first hits
  [lowConfidence, names.today, 25, ['0:14:Toe', '2:95:Onda']],
  [lowConfidence, names.ted, 26, ['0:5:10', '0:27:polio']],
  [lowConfidence, names.kate, 0, []],
  [number, names.senate, 189, ['8:23:two', '8:27:44']],
  [number, names.soleio, 26, ['2:10:2005.']],
  [name, names.kate, 20, ['12:5:Washington', '12:6:Post']],
  [name, names.today, 42, ['0:4:Cyclone', '0:18:Southern']],
  [rareWord, names.senate, 1205, ['4:5:judiciary', '4:7:commerce.']],
  [rareWord, names.today, 71, ['0:2:devastation', '0:4:Cyclone']],
  [speakerChange, names.soleio, 175, ['1:7:beginning?', '2:0:So']],
  [speakerChange, names.senate, 0, []],
  [overlap, names.kate, 0, []],
  [longSilence, names.ted, 12, ['0:21:It', '2:45:But']],
  [stretchedWord, names.senate, 73, ['0:1:I', '0:2:I']],
  [stretchedWord, names.kate, 29, ['0:20:down.', '2:60:down.']],
  // Fewer since the cutter stopped making avoidable breaches (the hearing's opening "Yeah," now shares a cue).
  [cueBreach, names.kate, 0, []],
  [cueBreach, names.senate, 32, ['190:24:and', '229:31:with']],
  [estimatedTiming, names.soleio, 3, ['138:0:No.', '144:0:…']],
  [estimatedTiming, names.senate, 0, []]
] as const

describe('review queue signals on the real fixtures', () => {
  it.each(table.map(([signal, file, count, first]) => [signal.name || 'signal', file, count, first, signal] as const))('%s on %s flags %i words', (_n, file, count, first, signal) => {
    const hits = hitsOf(signal, fixtureModel(file), ctxs.get(file)!)
    expect(hits).toHaveLength(count)
    expect(hits.slice(0, first.length)).toEqual(first)
  })
})

/** A copy of segment `i` of a fixture with some fields changed. */
function seg(file: string, i: number, change: (s: Segment) => Partial<Segment> = () => ({})): Segment {
  const s = fixtureModel(file).segments[i]
  return { ...s, ...change(s) }
}

describe('the edges of each rule', () => {
  it('low confidence: below the threshold only, stronger the lower', async () => {
    const s = seg(names.today, 0)
    const ctx = ctxs.get(names.today)!
    const at = (threshold: number) => lowConfidence({ segment: s, prev: undefined, next: undefined }, { ...ctx, threshold })
    expect(at(0).length).toBe(0)
    expect(at(1).length).toBe(s.words.filter((w) => w.confidence !== null && w.confidence < 1).length)
    const hits = at(0.7)
    const weakest = hits.reduce((a, b) => (s.words[a.wordIndex].confidence! < s.words[b.wordIndex].confidence! ? a : b))
    expect(Math.max(...hits.map((h) => h.strength))).toBe(weakest.strength)
    expect(hits.every((h) => h.strength > 0.5 && h.strength <= 1)).toBe(true)
  })

  it.each([
    ['$1,200', 'en', 'amount'],
    ['15%', 'en', 'amount'],
    ['12/03/2024', 'en', 'date'],
    ['3rd', 'en', 'date'],
    ['February', 'en', 'date'],
    ['fevereiro,', 'pt', 'date'],
    ['A4B-12', 'en', 'code'],
    ['GDPR', 'en', 'code'],
    ['44', 'en', 'number'],
    ['twenty', 'en', 'number'],
    ['três', 'pt', 'number'],
    ['one', 'en', null],
    ['I', 'en', null],
    ['house', 'en', null],
    ['Três', 'en', null]
  ] as const)('number kinds: %s (%s) is %s', (text, lang, kind) => {
    expect(figureKind(text, lang)).toBe(kind)
  })

  it('names: not the first word, not after a sentence end, not "I\'m"', () => {
    const base = seg(names.kate, 12)
    const words = ['Then', 'I\'m', 'sure.', 'Maria', 'met', 'Ana', 'today'].map((text, k) => ({ ...base.words[k], text }))
    const hits = name({ segment: { ...base, words }, prev: undefined, next: undefined }, ctxs.get(names.kate)!)
    expect(hits.map((h) => words[h.wordIndex].text)).toEqual(['Ana'])
  })

  it('rare words: Portuguese accents in either normal form, case-folded, punctuation ignored', async () => {
    const base = seg(names.kate, 12)
    const { loadLexicon } = await import('../../../../shared/review/queue')
    const pt = await loadLexicon('pt')
    const texts = ['Está', 'esta\u0301,', 'Económico.', 'autocarro', 'anticonstitucionalissimamente', 'NÃO']
    const words = texts.map((text, k) => ({ ...base.words[k], text }))
    const hits = rareWord({ segment: { ...base, words }, prev: undefined, next: undefined }, { ...ctxs.get(names.kate)!, language: 'pt', lexicon: pt })
    expect(hits.map((h) => words[h.wordIndex].text)).toEqual(['anticonstitucionalissimamente'])
  })

  it('overlap: the words inside a neighbour\'s range', () => {
    const a = seg(names.kate, 0)
    const b = seg(names.kate, 1)
    const moved = { ...b, startMs: a.words[a.words.length - 3].startMs }
    const hits = overlap({ segment: a, prev: undefined, next: moved }, ctxs.get(names.kate)!)
    expect(hits.map((h) => h.wordIndex)).toEqual([a.words.length - 3, a.words.length - 2, a.words.length - 1])
    expect(overlap({ segment: a, prev: undefined, next: b }, ctxs.get(names.kate)!)).toEqual([])
  })

  it('speaker change: only between different speakers, within a second of the boundary', () => {
    const a = seg(names.soleio, 1)
    const b = seg(names.soleio, 2)
    expect(speakerChange({ segment: b, prev: a, next: undefined }, ctxs.get(names.soleio)!).length).toBeGreaterThan(0)
    expect(speakerChange({ segment: b, prev: { ...a, speakerId: b.speakerId }, next: undefined }, ctxs.get(names.soleio)!)).toEqual([])
  })

  it('long silence: a gap over 2 s flags the word after it, 2 s exactly does not', () => {
    const base = seg(names.kate, 2)
    const w = base.words
    const at = (gap: number) => {
      const shifted = w.map((x, k) => (k >= 5 ? { ...x, startMs: x.startMs + gap, endMs: x.endMs + gap } : x))
      const aligned = shifted.map((x, k) => (k === 5 ? { ...x, startMs: shifted[4].endMs + gap } : x))
      return longSilence({ segment: { ...base, words: aligned, endMs: base.endMs + 2 * gap }, prev: undefined, next: undefined }, ctxs.get(names.kate)!)
    }
    expect(at(2000).map((h) => h.wordIndex)).not.toContain(5)
    expect(at(2001).map((h) => h.wordIndex)).toContain(5)
  })

  it('stretched word: over 1.5 s and three times its expected length', () => {
    const base = seg(names.kate, 2)
    const word = (ms: number) => ({ ...base, words: [{ ...base.words[0], text: 'a', endMs: base.words[0].startMs + ms }] })
    expect(stretchedWord({ segment: word(1500), prev: undefined, next: undefined }, ctxs.get(names.kate)!)).toEqual([])
    expect(stretchedWord({ segment: word(1501), prev: undefined, next: undefined }, ctxs.get(names.kate)!)).toHaveLength(1)
  })
})
