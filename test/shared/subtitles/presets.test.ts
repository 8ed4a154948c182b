import { describe, expect, it } from 'vitest'
import { PresetError, frameToMs, msToFrame, presetNames, presets, resolvePreset } from '../../../shared/subtitles/presets'

describe('presets', () => {
  it.each(presetNames)('%s resolves and carries every number', (name) => {
    const p = resolvePreset(name)
    expect(p).toEqual(presets[name])
    for (const key of ['maxCharsPerLine', 'maxLines', 'maxCharsPerSecond', 'minDurationMs', 'maxDurationMs', 'minGapFrames', 'gapClosingMs', 'frameRate', 'startOffsetMs'] as const) {
      expect(typeof p[key]).toBe('number')
    }
    expect(['new-cue', 'dialogue-dashes']).toContain(p.speakerStyle)
  })

  it('has the published figures', () => {
    expect(presets['netflix-en']).toMatchObject({ maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 20, minDurationMs: 833, maxDurationMs: 7000, minGapFrames: 2, gapClosingMs: 500, speakerStyle: 'dialogue-dashes', dialogueDash: '-' })
    expect(presets.bbc).toMatchObject({ maxCharsPerLine: 37, maxWordsPerMinute: 180, frameRate: 25 })
  })

  it('applies overrides', () => {
    const p = resolvePreset('netflix-en', { maxCharsPerLine: 37, frameRate: 25, startOffsetMs: 36_000_000, speakerStyle: 'new-cue' })
    expect(p).toMatchObject({ name: 'netflix-en', maxCharsPerLine: 37, frameRate: 25, startOffsetMs: 36_000_000, speakerStyle: 'new-cue', maxLines: 2 })
    expect(resolvePreset('web', { maxLines: undefined }).maxLines).toBe(2)
  })

  it.each([
    ['unknown preset', () => resolvePreset('netflix'), 'name', /Unknown subtitle preset "netflix".*netflix-en, bbc, web/],
    ['unknown option', () => resolvePreset('web', { maxChars: 3 } as never), 'maxChars', /Unknown preset option/],
    ['not a number', () => resolvePreset('web', { maxCharsPerLine: '42' as never }), 'maxCharsPerLine', /must be a number/],
    ['fraction', () => resolvePreset('web', { maxLines: 1.5 }), 'maxLines', /whole number/],
    ['out of range', () => resolvePreset('web', { maxCharsPerSecond: 0 }), 'maxCharsPerSecond', /between 5 and 60/],
    ['NaN', () => resolvePreset('web', { minDurationMs: Number.NaN }), 'minDurationMs', /must be a number/],
    ['seconds for ms', () => resolvePreset('web', { maxDurationMs: 7 }), 'maxDurationMs', /between 1000/],
    ['min above max', () => resolvePreset('web', { minDurationMs: 8000 }), 'minDurationMs', /below maxDurationMs/],
    ['frame rate', () => resolvePreset('web', { frameRate: 26 as never }), 'frameRate', /one of 23.976/],
    ['speaker style', () => resolvePreset('web', { speakerStyle: 'colours' as never }), 'speakerStyle', /speakerStyle/],
    ['lead-in', () => resolvePreset('web', { maxLeadInMs: 500 }), 'maxLeadInMs', /between 0 and 250/],
    ['speaker labels', () => resolvePreset('bbc', { speakerLabels: 'yes' as never }), 'speakerLabels', /true or false/]
  ])('rejects %s with a clear error', (_label, call, field, message) => {
    let error: unknown
    try {
      call()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PresetError)
    expect((error as PresetError).field).toBe(field)
    expect((error as PresetError).message).toMatch(message)
  })

  it.each([
    [23.976, 1001, 24], // 1001 ms is 24 frames at 23.976
    [25, 1000, 25],
    [29.97, 1001, 30],
    [30, 1000, 30]
  ] as const)('converts frames exactly at %s fps', (fps, ms, frames) => {
    expect(msToFrame(ms, fps)).toBe(frames)
    expect(frameToMs(frames, fps)).toBe(ms)
  })

  it('does not drift over 3 hours at 23.976', () => {
    const frames = msToFrame(3 * 3_600_000, 23.976)
    expect(Math.abs(frameToMs(frames, 23.976) - 3 * 3_600_000)).toBeLessThanOrEqual(21)
  })
})
