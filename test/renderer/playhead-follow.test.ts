import { describe, expect, it } from 'vitest'
import { followScroll, pageLead, pageTurnAt } from '../../renderer/src/lib/playhead-follow'

// A 1000 px view of a 100,000 px waveform.
const width = 1000
const total = 100_000

describe('followScroll (the waveform follows playback by pages)', () => {
  it('stays put while the playhead crosses the view', () => {
    for (const x of [5000, 5400, 5000 + width * pageTurnAt]) expect(followScroll(x, 5000, width, total)).toBeNull()
  })

  it('turns a page when the playhead nears the right edge, showing it a little way in', () => {
    const x = 5000 + width * pageTurnAt + 1
    expect(followScroll(x, 5000, width, total)).toBeCloseTo(x - width * pageLead)
  })

  it('brings a playhead outside the view (after a seek) into it, on either side', () => {
    expect(followScroll(60_000, 5000, width, total)).toBeCloseTo(60_000 - width * pageLead)
    expect(followScroll(1000, 5000, width, total)).toBeCloseTo(1000 - width * pageLead)
  })

  it('never scrolls before the start or past the end, and does not re-scroll at the end', () => {
    expect(followScroll(10, 5000, width, total)).toBe(0)
    expect(followScroll(total - 10, 5000, width, total)).toBe(total - width)
    // Scrolled to the end with the playhead in the last twentieth: nothing left to turn.
    expect(followScroll(total - 10, total - width, width, total)).toBeNull()
  })

  it('does nothing when the whole waveform fits', () => {
    expect(followScroll(900, 0, width, 800)).toBeNull()
    expect(followScroll(900, 0, 0, 0)).toBeNull()
  })
})
