import { describe, expect, it } from 'vitest'
import { formatAssTime, formatHms, formatSbvTime, formatSrtTime, formatTimecode, formatVttTime, parseTimecodeOrMs } from '../../../shared/time'
import { frameToMs } from '../../../shared/subtitles/presets'

describe('subtitle timestamps and timecode', () => {
  it.each([
    [0, '00:00:00,000', '00:00:00.000', '0:00:00.000', '0:00:00.00', '00:00:00'],
    [1, '00:00:00,001', '00:00:00.001', '0:00:00.001', '0:00:00.01', '00:00:00'],
    [59_999, '00:00:59,999', '00:00:59.999', '0:00:59.999', '0:01:00.00', '00:00:59'],
    [3_723_004, '01:02:03,004', '01:02:03.004', '1:02:03.004', '1:02:03.01', '01:02:03'],
    [86_399_999, '23:59:59,999', '23:59:59.999', '23:59:59.999', '24:00:00.00', '23:59:59'],
    [90_000_000, '25:00:00,000', '25:00:00.000', '25:00:00.000', '25:00:00.00', '25:00:00'],
    [360_000_000 + 1234, '100:00:01,234', '100:00:01.234', '100:00:01.234', '100:00:01.24', '100:00:01']
  ])('%i ms', (ms, srt, vtt, sbv, ass, hms) => {
    expect(formatSrtTime(ms)).toBe(srt)
    expect(formatVttTime(ms)).toBe(vtt)
    expect(formatSbvTime(ms)).toBe(sbv)
    expect(formatAssTime(ms)).toBe(ass)
    expect(formatHms(ms)).toBe(hms)
  })

  it.each([23.976, 24, 25, 29.97, 30, 50, 59.94, 60] as const)('ASS times at %s fps fall inside the frame they start', (fps) => {
    // Frame f runs from frameToMs(f) (its start as every format writes it, in whole ms) to frameToMs(f + 1).
    for (let frame = 0; frame < 5000; frame++) {
      const [h, m, s, cs] = formatAssTime(frameToMs(frame, fps)).split(/[:.]/).map(Number)
      const ms = ((h * 60 + m) * 60 + s) * 1000 + cs * 10
      expect(ms >= frameToMs(frame, fps) && ms < frameToMs(frame + 1, fps), `frame ${frame}: ${ms} ms`).toBe(true)
    }
  })

  it('rounds fractional ms and clamps negatives', () => {
    expect(formatSrtTime(1000.6)).toBe('00:00:01,001')
    expect(formatSrtTime(-5)).toBe('00:00:00,000')
    expect(() => formatSrtTime(Number.NaN)).toThrow(RangeError)
  })

  it.each([
    ['10:00:00:00', 25, 36_000_000],
    ['10:00:00:12', 25, 36_000_480],
    ['01:00:00;00', 29.97, 3_600_000],
    ['00:00:01.5', 25, 1500],
    ['00:00:01,250', 25, 1250],
    ['25:00:00', 25, 90_000_000],
    ['1500', 25, 1500]
  ] as const)('parses %s', (text, fps, ms) => {
    expect(parseTimecodeOrMs(text, fps)).toBe(ms)
  })

  it.each(['10:00:00:25', '1:2:3', 'soon', '00:61:00'])('rejects %s', (text) => {
    expect(() => parseTimecodeOrMs(text, 25)).toThrow(RangeError)
  })

  it('formats SMPTE at the nominal rate', () => {
    expect(formatTimecode(36_000_480, 25)).toBe('10:00:00:12')
    expect(formatTimecode(90_000_000, 24)).toBe('25:00:00:00')
  })
})
