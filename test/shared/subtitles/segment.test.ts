import { describe, expect, it } from 'vitest'
import { resolvePreset } from '../../../shared/subtitles/presets'
import type { SubtitlePreset } from '../../../shared/subtitles/presets'
import { segmentCues } from '../../../shared/subtitles/segment'
import { runQc } from '../../../shared/subtitles/qc'
import type { Cue } from '../../../shared/subtitles/types'
import { makeModel, paced } from './make-model'
import type { W } from './make-model'

const web = resolvePreset('web', { frameRate: 25 }) // 40 ms frames: easy figures
const frame = 40
const gap = 2 * frame

const text = (cues: readonly Cue[]): string => cues.filter((c) => c.kind === 'speech').map((c) => c.lines.map((l) => l.replace(/^-/, '')).join(' ')).join(' ')

function cut(words: readonly W[], preset: SubtitlePreset = web) {
  return segmentCues(makeModel([['A', words]]), preset).cues
}

describe('segmentCues timing', () => {
  it('starts at the first word, on a frame', () => {
    const cues = cut(paced('Hello there.', 1013))
    expect(cues).toHaveLength(1)
    expect(cues[0].startMs).toBe(1000) // nearest 40 ms frame to 1013
    expect(Math.abs(cues[0].startMs - 1013)).toBeLessThanOrEqual(frame / 2)
  })

  it('extends a short cue into silence up to the minimum duration', () => {
    const cues = cut([['Yes.', 2000, 2200]])
    expect(cues[0].endMs - cues[0].startMs).toBe(1000)
  })

  it('extends for reading speed when silence follows', () => {
    // 41 characters said in 1 s: at 21 chars/s they need 1.96 s on screen.
    const cues = cut([['Absolutely', 0, 250], ['extraordinary', 250, 500], ['circumstances', 500, 750], ['today.', 750, 1000]])
    const c = cues[0]
    const chars = c.lines.join('').length
    expect((chars * 1000) / (c.endMs - c.startMs)).toBeLessThanOrEqual(21)
  })

  it('reports reading speed when the next words leave no room', () => {
    // About 40 characters a second for 6 s without a pause: no cut can make that readable.
    const model = makeModel([['A', paced('Absolutely extraordinary circumstances surrounded the unprecedented parliamentary investigation yesterday afternoon and everybody remembered everything', 0, 350, 0)]])
    const cues = segmentCues(model, web).cues
    const qc = runQc(cues, web)
    expect(qc.summary.hard).toBe(0)
    expect(qc.breaches.some((b) => b.rule === 'reading-speed')).toBe(true)
  })

  it('never exceeds the maximum duration, even for a recogniser word lasting minutes', () => {
    const cues = cut([['I', 0, 266_000], ['said', 266_000, 266_300], ['so.', 266_300, 266_600]])
    for (const c of cues) expect(c.endMs - c.startMs).toBeLessThanOrEqual(web.maxDurationMs)
    expect(text(cues)).toBe('I said so.')
  })

  it('closes gaps under the threshold to the minimum gap', () => {
    const first = 'This is the first sentence, and it goes on for quite a while.'
    const cues = cut([...paced(first, 0), ...paced('And this comes after a short pause of three hundred ms.', 4800)])
    expect(cues).toHaveLength(2)
    expect(cues[0].speechEndMs).toBe(4500)
    expect(cues[1].startMs - cues[0].endMs).toBe(gap)
  })

  it('keeps gaps at or over the threshold', () => {
    const cues = cut([...paced('This is the first sentence, and it goes on for quite a while.', 0), ...paced('And this comes after a long pause of well over a second.', 6000)])
    expect(cues).toHaveLength(2)
    expect(cues[1].startMs - cues[0].endMs).toBeGreaterThanOrEqual(web.gapClosingMs)
  })

  it('never overlaps or goes zero-length, even with out-of-order and zero-length words', () => {
    const words: W[] = [['One.', 1000, 1000], ['Two.', 1000, 1000], ['Three.', 990, 995], ['Four', 2000, 1990], ['five.', 2000, 2000]]
    const cues = segmentCues(makeModel([['A', words.slice(0, 2)], ['B', words.slice(2, 3)], ['A', words.slice(3)]]), web).cues
    const qc = runQc(cues, web)
    expect(qc.summary.hard).toBe(0)
    for (const c of cues) expect(c.endMs).toBeGreaterThan(c.startMs)
    expect(text(cues)).toBe('One. Two. Three. Four five.')
  })

  it('adds the programme start offset after snapping', () => {
    const offset = resolvePreset('web', { frameRate: 25, startOffsetMs: 36_000_000 })
    const plain = cut(paced('Hello there.', 1013))
    const shifted = cut(paced('Hello there.', 1013), offset)
    expect(shifted[0].startMs - plain[0].startMs).toBe(36_000_000)
    expect(shifted[0].endMs - plain[0].endMs).toBe(36_000_000)
    expect(shifted[0].speechStartMs).toBe(1013)
  })

  it.each([23.976, 24, 25, 29.97, 30] as const)('snaps to frames at %s fps', (frameRate) => {
    const preset = resolvePreset('web', { frameRate })
    const cues = cut([...paced('This is the first sentence here.', 17), ...paced('And this comes after a short pause.', 2411)], preset)
    const fps = frameRate === 23.976 ? 24000 / 1001 : frameRate === 29.97 ? 30000 / 1001 : frameRate
    for (const c of cues) {
      for (const t of [c.startMs, c.endMs]) {
        const frames = (t * fps) / 1000
        expect(Math.abs(frames - Math.round(frames))).toBeLessThan(0.05)
      }
    }
  })

  it('comes in early (within the lead-in) when reading time needs it', () => {
    // A fast cue right after a long silence and right before more speech.
    const words: W[] = [['Absolutely', 5000, 5200], ['extraordinary', 5200, 5400], ['circumstances.', 5400, 5600], ['Then', 6300, 6500], ['more', 6500, 6700], ['came.', 6700, 6900]]
    const cues = segmentCues(makeModel([['A', words.slice(0, 3)], ['B', words.slice(3)]]), web).cues
    expect(cues).toHaveLength(2)
    expect(cues[0].startMs).toBeLessThan(5000)
    expect(5000 - cues[0].startMs).toBeLessThanOrEqual(250)
  })

  it('chains to a cue that came in early, when that leaves a gap under the threshold', () => {
    // "Yes." ends at 1000 ms (its minimum duration) and the next speaker starts at 1600 ms: a
    // 600 ms gap, left open. But that next cue needs reading time and comes in 240 ms early,
    // leaving a 360 ms gap, which is to be closed to the minimum gap.
    const words: W[] = [['Yes.', 0, 300]]
    const fast = paced('Absolutely extraordinary circumstances we are seeing today.', 1600, 150, 20)
    const cues = segmentCues(makeModel([['A', words], ['B', fast], ['A', [['Right.', 3000, 3300]]]]), web).cues
    expect(cues).toHaveLength(3)
    expect(cues[1].startMs).toBeLessThan(1600)
    expect(cues[1].startMs - cues[0].endMs).toBe(gap)
  })
})

describe('segmentCues cutting', () => {
  it('keeps every word once, in order', () => {
    const words = paced('It was a toy called Pleo. And I was really excited about it because I had always loved robots and this one had really cool technical features like touch sensors and an infrared camera and a tilt sensor so it knew which way it was facing.', 0)
    const cues = cut(words)
    expect(text(cues)).toBe(words.map((w) => w[0]).join(' '))
    expect(runQc(cues, web).summary.hard).toBe(0)
  })

  it('chooses cut points for the whole passage, not greedily', () => {
    // Two 60-character sentences: filling the first cue to 84 characters would cut the second
    // sentence; the whole-passage cut ends each cue at its sentence.
    const first = 'The robot walked across the room and it looked back at us.'
    const second = 'Then it sat down beside the table and waited for a while.'
    const cues = cut(paced(`${first} ${second}`, 0, 250, 30))
    expect(cues.map((c) => c.lines.join(' '))).toEqual([first, second])
  })

  it('does not break a line between article and noun when another break fits', () => {
    const cues = cut(paced('I think that we should all be very careful when we hold the baby dinosaur robot upside down', 0))
    for (const c of cues) {
      for (const line of c.lines.slice(0, -1)) expect(line).not.toMatch(/\b(the|a|an)$/i)
    }
  })

  it('starts a new cue at a speaker change (new-cue style)', () => {
    const model = makeModel([['A', paced('Are you coming?', 0)], ['B', paced('Yes, I am.', 1100)]])
    const cues = segmentCues(model, web).cues
    expect(cues.map((c) => c.lines)).toEqual([['Are you coming?'], ['Yes, I am.']])
    expect(cues.map((c) => c.lineSpeakers)).toEqual([['A'], ['B']])
  })

  it('labels the first cue of each speaker turn when the preset asks, within the line length', () => {
    const labelled = resolvePreset('web', { frameRate: 25, speakerLabels: true, maxCharsPerLine: 30 })
    const model = {
      ...makeModel(
        [
          ['A', paced('Are you coming to the station with us tonight? We leave at nine.', 0)],
          ['A', paced('And bring the tickets.', 5000)],
          ['B', paced('Yes, I am.', 7000)],
          ['A', paced('Good.', 9000)]
        ],
        [{ id: 'n', content: 'laughter', startMs: 8000, endMs: 8500 }]
      ),
      speakers: [
        { id: 'A', name: 'Ana Maria', prefix: '', suffix: '', placeholder: false },
        { id: 'B', name: 'Bo', prefix: '', suffix: '', placeholder: false }
      ]
    }
    const cues = segmentCues(model, labelled, { annotations: 'cues' }).cues
    const firstLines = cues.map((c) => c.lines[0])
    expect(firstLines[0]).toMatch(/^Ana Maria: Are you/)
    // Ana's later cues (same turn, then a new paragraph of hers) carry no label.
    expect(firstLines.slice(1).filter((l) => l.startsWith('Ana Maria: '))).toEqual(['Ana Maria: Good.'])
    expect(firstLines.filter((l) => l.startsWith('Bo: '))).toEqual(['Bo: Yes, I am.'])
    expect(firstLines).toContain('[laughter]')
    for (const c of cues) for (const l of c.lines) expect(l.length).toBeLessThanOrEqual(30)
    expect(runQc(cues, labelled).summary.hard).toBe(0)
    // Off by default, and never with dialogue dashes.
    expect(segmentCues(model, web).cues[0].lines[0]).toMatch(/^Are you/)
    expect(segmentCues(model, resolvePreset('netflix-en', { speakerLabels: true })).cues.flatMap((c) => c.lines).some((l) => l.includes(':'))).toBe(false)
  })

  it('uses dialogue dashes for a two-speaker exchange when the preset says so', () => {
    const netflix = resolvePreset('netflix-en')
    const model = makeModel([['A', paced('Are you coming?', 0)], ['B', paced('Yes, I am.', 1100)]])
    const cues = segmentCues(model, netflix).cues
    expect(cues).toHaveLength(1)
    expect(cues[0].lines).toEqual(['-Are you coming?', '-Yes, I am.'])
    expect(cues[0].lineSpeakers).toEqual(['A', 'B'])
    expect(runQc(cues, netflix).summary.hard).toBe(0)
  })

  it('never puts three speakers in one cue', () => {
    const netflix = resolvePreset('netflix-en')
    const model = makeModel([['A', paced('Hi.', 0)], ['B', paced('Hello.', 400)], ['C', paced('Hey.', 800)]])
    const cues = segmentCues(model, netflix).cues
    for (const c of cues) expect(new Set(c.lineSpeakers).size).toBeLessThanOrEqual(2)
    expect(text(cues)).toBe('Hi. Hello. Hey.')
  })

  it('keeps a word longer than a line whole, alone, and reported (more in long-words.test.ts)', () => {
    const long = 'x'.repeat(60)
    const cues = cut([['See', 0, 300], [long, 300, 2000], ['here.', 2000, 2300]])
    expect(text(cues)).toBe(`See ${long} here.`)
    expect(cues.find((c) => c.lines.includes(long))?.lines).toEqual([long])
    expect(runQc(cues, web).summary.byRule['chars-per-line']).toBe(1)
  })

  it('obeys overridden line limits', () => {
    const preset = resolvePreset('web', { maxCharsPerLine: 20, maxLines: 1 })
    const words = paced('The robot walked across the room and it looked back at us before it sat down.', 0)
    const cues = cut(words, preset)
    for (const c of cues) {
      expect(c.lines).toHaveLength(1)
      expect(c.lines[0].length).toBeLessThanOrEqual(20)
    }
    expect(text(cues)).toBe(words.map((w) => w[0]).join(' '))
  })

  it('handles an empty transcript and blank words', () => {
    expect(segmentCues(makeModel([]), web).cues).toEqual([])
    const cues = cut([['  ', 0, 100], ['Hi.', 100, 300], ['', 300, 400]])
    expect(cues.map((c) => c.lines)).toEqual([['Hi.']])
  })
})

describe('segmentCues annotations', () => {
  const model = makeModel(
    [['A', [...paced('First we talked.', 0), ...paced('Then we laughed.', 4000)]]],
    [{ id: 'n1', content: 'laughter', startMs: 2000, endMs: 3000 }]
  )

  it('as cues of their own', () => {
    const cues = segmentCues(model, web, { annotations: 'cues' }).cues
    expect(cues.map((c) => [c.kind, c.lines.join(' ')])).toEqual([
      ['speech', 'First we talked.'],
      ['annotation', '[laughter]'],
      ['speech', 'Then we laughed.']
    ])
    expect(runQc(cues, web).summary.hard).toBe(0)
  })

  it('as NOTEs', () => {
    const track = segmentCues(model, web, { annotations: 'notes' })
    expect(track.cues).toHaveLength(2)
    expect(track.notes).toEqual([{ startMs: 2000, text: 'laughter' }])
  })

  it('left out by default', () => {
    const track = segmentCues(model, web)
    expect(track.cues.map((c) => c.kind)).toEqual(['speech', 'speech'])
    expect(track.notes).toEqual([])
  })
})
