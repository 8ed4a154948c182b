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

/** CSS custom properties for a speaker chip (the component's CSS mixes them per theme). */
export function speakerChipStyle(n: number): Record<string, string> {
  const h = speakerHue(n)
  return h === null ? { '--chip-h': '0', '--chip-s': '0%' } : { '--chip-h': String(h), '--chip-s': '65%' }
}
