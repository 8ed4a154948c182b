import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { presetNames, resolvePreset } from '../../../shared/subtitles/presets'
import { runQc } from '../../../shared/subtitles/qc'
import { segmentCues } from '../../../shared/subtitles/segment'
import { makeModel } from './make-model'
import type { W } from './make-model'

/*
 * Any word timeline, however odd (overlapping or zero-length words, long silences, bursts of
 * speaker changes, annotations anywhere): every word comes out once, whole and in order, and no
 * cue breaks a hard limit but the line a word longer than a line has to itself.
 */

const wordArb = fc.record({
  text: fc.oneof(fc.constantFrom('the', 'robot', 'and', 'I', 'said,', 'no.', 'Kate', 'Darling', 'não', 'é', 'extraordinarily'), fc.stringMatching(/^[a-zà-ú]{1,50}[.,?]?$/)),
  gap: fc.integer({ min: -200, max: 4000 }),
  length: fc.integer({ min: 0, max: 9000 }),
  speaker: fc.constantFrom('A', 'A', 'A', 'B', 'C')
})

describe('segmentCues on arbitrary timelines', () => {
  it.each(presetNames)('%s: every word once, no hard breach', (name) => {
    fc.assert(
      fc.property(
        fc.array(wordArb, { minLength: 1, maxLength: 120 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 200_000 }), len: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 3 }),
        fc.constantFrom('omit' as const, 'cues' as const, 'notes' as const),
        (words, notes, annotations) => {
          const turns: [string, W[]][] = []
          let t = 0
          for (const w of words) {
            t = Math.max(0, t + w.gap)
            const word: W = [w.text, t, t + w.length]
            t += w.length
            const last = turns[turns.length - 1]
            if (last && last[0] === w.speaker) last[1].push(word)
            else turns.push([w.speaker, [word]])
          }
          const model = makeModel(turns, notes.map((n, k) => ({ id: `n${k}`, content: `note ${k}`, startMs: n.at, endMs: n.at + n.len })))
          const preset = resolvePreset(name)
          const { cues } = segmentCues(model, preset, { annotations })
          const spoken = cues
            .filter((c) => c.kind === 'speech')
            .flatMap((c) => c.lines.map((l) => (new Set(c.lineSpeakers).size > 1 ? l.slice(preset.dialogueDash.length) : l)))
            .join(' ')
            .split(' ')
          expect(spoken).toEqual(words.map((w) => w.text))
          expect(cues.filter((c) => c.kind === 'annotation')).toHaveLength(annotations === 'cues' ? notes.length : 0)
          // The one hard breach allowed: a word longer than a line, kept whole on a line of its own.
          const overLong = (k: number): boolean => cues[k].lines.length === 1 && !cues[k].lines[0].replace(/^-/, '').includes(' ') && cues[k].lines[0].length > preset.maxCharsPerLine
          const hard = runQc(cues, preset).breaches.filter((b) => b.severity === 'hard' && !(b.rule === 'chars-per-line' && overLong(b.cueIndex)))
          expect(hard).toEqual([])
        }
      ),
      { numRuns: 150 }
    )
  })
})
