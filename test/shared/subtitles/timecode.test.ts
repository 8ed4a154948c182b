import { describe, expect, it } from 'vitest'
import { formatAssTime, formatHms, formatSbvTime, formatSmpte, formatSrtTime, formatVttTime, parseTimecode } from '../../../shared/subtitles/timecode'

describe('timecode', () => {
  it.each([
    [0, '00:00:00,000', '00:00:00.000', '0:00:00.000', '0:00:00.00', '00:00:00'],
    [1, '00:00:00,001', '00:00:00.001', '0:00:00.001', '0:00:00.00', '00:00:00'],
    [59_999, '00:00:59,999', '00:00:59.999', '0:00:59.999', '0:00:59.99', '00:00:59'],
    [3_723_004, '01:02:03,004', '01:02:03.004', '1:02:03.004', '1:02:03.00', '01:02:03'],
    [86_399_999, '23:59:59,999', '23:59:59.999', '23:59:59.999', '23:59:59.99', '23:59:59'],
    [90_000_000, '25:00:00,000', '25:00:00.000', '25:00:00.000', '25:00:00.00', '25:00:00'],
    [360_000_000 + 1234, '100:00:01,234', '100:00:01.234', '100:00:01.234', '100:00:01.23', '100:00:01']
  ])('%i ms', (ms, srt, vtt, sbv, ass, hms) => {
    expect(formatSrtTime(ms)).toBe(srt)
    expect(formatVttTime(ms)).toBe(vtt)
    expect(formatSbvTime(ms)).toBe(sbv)
    expect(formatAssTime(ms)).toBe(ass)
    expect(formatHms(ms)).toBe(hms)
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
    expect(parseTimecode(text, fps)).toBe(ms)
  })

  it.each(['10:00:00:25', '1:2:3', 'soon', '00:61:00'])('rejects %s', (text) => {
    expect(() => parseTimecode(text, 25)).toThrow(RangeError)
  })

  it('formats SMPTE at the nominal rate', () => {
    expect(formatSmpte(36_000_480, 25)).toBe('10:00:00:12')
    expect(formatSmpte(90_000_000, 24)).toBe('25:00:00:00')
  })
})
