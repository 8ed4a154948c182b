import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import type { TranscriptModel } from '../../../shared/transcript/model'
import { mergeSegments, setSegmentText, splitSegment } from '../../../shared/transcript/edits'
import { addCueDecision } from '../../../shared/transcript/cue-decisions'
import { resolvePreset } from '../../../shared/subtitles/presets'
import { cutWords } from '../../../shared/subtitles/segment'
import { cutAfterEdit, cutWhole } from '../../../shared/subtitles/local-recut'
import type { LocalCut } from '../../../shared/subtitles/local-recut'
import { maxLedgerPieces } from '../../../shared/subtitles/plan-resync'
import { seededRandom } from '../../support/seeded-random'

/*
 * Long chains of edits, each cut handed over to the next as the live view does: the planner's
 * ledger of offsets (plan-resync.ts) gains up to two pieces an edit and is compacted past
 * `maxLedgerPieces` (fronts made true, pieces joined), and the re-sync stops where later fronts
 * read no further back (`firstRead`). The short chains of local-recut-property.test.ts never
 * reach the compaction; these do, many times, and every few edits the cut must still deep-equal
 * the whole cut of the edited transcript. Seeded: the same edits on every run.
 */

const words = ['indeed', 'a', 'extraordinarily', 'Senator,', 'no.', 'the', 'well-documented', 'and']

/** One seeded edit: a word typed, replaced or deleted, a segment split or merged, or a forced break. */
function edit(model: TranscriptModel, next: () => number): TranscriptModel {
  const segs = model.segments
  const seg = segs[Math.floor(next() * segs.length)]
  const texts = seg.words.map((w) => w.text)
  const k = Math.floor(next() * Math.max(1, texts.length))
  const word = words[Math.floor(next() * words.length)]
  const kind = next()
  try {
    if (kind < 0.4) return setSegmentText(model, seg.id, [...texts.slice(0, k), word, ...texts.slice(k)].join(' '))
    if (kind < 0.6 && texts.length > 1) return setSegmentText(model, seg.id, [...texts.slice(0, k), word, ...texts.slice(k + 1)].join(' '))
    if (kind < 0.75 && texts.length > 1) return setSegmentText(model, seg.id, [...texts.slice(0, k), ...texts.slice(k + 1)].join(' '))
    if (kind < 0.85 && k > 0 && k < texts.length) return splitSegment(model, seg.id, { wordIndex: k })
    if (kind < 0.93 && segs.indexOf(seg) + 1 < segs.length) return mergeSegments(model, seg.id)
    if (seg.words.length) return addCueDecision(model, { kind: 'break-before', wordId: seg.words[k % seg.words.length].id })
  } catch {
    // A refused edit is no edit.
  }
  return model
}

describe('a long chain of re-cuts, the ledger compacted along it, stays the whole cut', () => {
  it.each([
    ['soleio-interview.dpe.json', 'netflix-en', 1],
    ['soleio-interview.dpe.json', 'bbc', 2]
  ])('%s %s', (name, presetName, seed) => {
    const preset = resolvePreset(presetName)
    const next = seededRandom(seed)
    let model = normaliseTranscript(loadRealExport(name))
    let cut: LocalCut = cutWhole(model, preset)
    let longest = 0
    const edits = 3 * maxLedgerPieces
    for (let i = 0; i < edits; i++) {
      model = edit(model, next)
      cut = cutAfterEdit(cut.state, model, preset, {}, true)
      longest = Math.max(longest, cut.state?.plan.ledger.starts.length ?? 0)
      if (i % 12 === 11 || i === edits - 1) {
        const whole = cutWords(model, preset)
        expect(cut.cues).toStrictEqual(whole.cues)
        expect([...cut.notices]).toStrictEqual(whole.notices)
      }
    }
    // Without compaction the ledger would hold about two pieces per edit by now.
    expect(cut.work).not.toBeNull()
    expect(longest).toBeLessThanOrEqual(maxLedgerPieces)
    expect(longest).toBeGreaterThan(maxLedgerPieces / 2)
    // (A few hundred re-cuts and a whole cut every 12 edits: minutes on a loaded machine.)
  }, 240_000)
})
