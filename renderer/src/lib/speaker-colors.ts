/*
 * Speaker colours: a fixed palette picked by the speaker's position in the task, readable on
 * both themes (chips use the solid colour on a tinted background; waveform regions a tint).
 */

const hues: readonly number[] = [217, 24, 145, 280, 350, 190, 45, 100, 320]

/** The hue of the n-th speaker (0-based); unknown speakers (-1) are grey. */
export function speakerHue(n: number): number | null {
  return n < 0 ? null : hues[n % hues.length]
}

/** A translucent region fill for the n-th speaker. */
export function speakerRegionColor(n: number): string {
  const h = speakerHue(n)
  return h === null ? 'hsla(0, 0%, 50%, 0.14)' : `hsla(${h}, 70%, 50%, 0.16)`
}

// One style object per speaker number: a row rendering the same speaker gets the same object,
// so Vue skips re-applying the chip's style (a new object is set again property by property).
const chipStyles = new Map<number, Readonly<Record<string, string>>>()

/** CSS custom properties for a speaker chip (the component's CSS mixes them per theme); the same object for the same `n`. */
export function speakerChipStyle(n: number): Readonly<Record<string, string>> {
  let style = chipStyles.get(n)
  if (!style) {
    const h = speakerHue(n)
    style = Object.freeze(h === null ? { '--chip-h': '0', '--chip-s': '0%' } : { '--chip-h': String(h), '--chip-s': '65%' })
    chipStyles.set(n, style)
  }
  return style
}
