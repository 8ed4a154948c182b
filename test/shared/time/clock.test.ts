import { describe, expect, it } from 'vitest'
import { formatClock, formatClockMs, formatClockTenths, parseClockOrSeconds } from '../../../shared/time'

/*
 * The clock people read in the app (one time module, names that say which format):
 * `formatClock` H:MM:SS, `formatClockTenths` m:ss.t, `formatClockMs` h:mm:ss.mmm, and
 * `parseClockOrSeconds`, which reads a plain number as seconds (unlike `parseTimecodeOrMs`).
 */

describe('formatClock (H:MM:SS, M:SS under an hour)', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [3_599_999, '59:59'],
    [3_600_000, '1:00:00'],
    [3_723_004, '1:02:03'],
    [90_000_000, '25:00:00'],
    [-5000, '0:00']
  ])('%i ms reads %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text)
  })
})

describe('formatClockTenths (m:ss.t, h:mm:ss.t past an hour)', () => {
  it.each([
    [0, '0:00.0'],
    [99, '0:00.0'],
    [149.6, '0:00.1'],
    [61_250, '1:01.2'],
    [3_723_404, '1:02:03.4'],
    [90_000_000, '25:00:00.0'],
    [-1, '0:00.0']
  ])('%d ms reads %s', (ms, text) => {
    expect(formatClockTenths(ms)).toBe(text)
  })
})

describe('formatClockMs (h:mm:ss.mmm, for messages)', () => {
  it.each([
    [0, '0:00:00.000'],
    [3_723_004, '1:02:03.004'],
    [360_000_000, '100:00:00.000']
  ])('%i ms reads %s', (ms, text) => {
    expect(formatClockMs(ms)).toBe(text)
  })
})

describe('parseClockOrSeconds', () => {
  it.each([
    ['12', 12_000],
    ['1.5', 1500],
    ['0:05', 5000],
    ['1:02.3', 62_300],
    ['1:02:03.4', 3_723_400],
    [' 2:00 ', 120_000],
    ['0:00.125', 125]
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseClockOrSeconds(text)).toBe(ms)
  })

  it.each(['', 'soon', '1:2:3:4', '-3', '1.2345'])('gives null for %j', (text) => {
    expect(parseClockOrSeconds(text)).toBeNull()
  })

  it('round-trips what formatClockTenths shows', () => {
    for (const ms of [0, 100, 61_200, 3_723_400, 90_000_000]) expect(parseClockOrSeconds(formatClockTenths(ms))).toBe(ms)
  })
})
