/*
 * The waveform's colours, read from the theme's CSS variables on the waveform's element
 * (WaveformStrip sets them from theme.css), so the canvas and the regions, which wavesurfer
 * paints with colours given in code, follow the theme like the rest of the page. Each has a
 * fallback for an element outside the strip (test DOMs).
 */

/** A CSS custom property's value on `el`, or `fallback` when it is not set. */
export function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback
}

/** The wave, played part and cursor colours (the overview draws with these). */
export interface WaveColors {
  waveColor: string
  progressColor: string
  cursorColor: string
}

/** The overview's colours: the wave, its played part, and the playhead's colour. */
export function waveColors(el: Element): WaveColors {
  return {
    waveColor: cssVar(el, '--wave', '#8a94a6'),
    progressColor: cssVar(el, '--wave-progress', '#2f5fd0'),
    cursorColor: cssVar(el, '--wave-cursor', '#b3261e')
  }
}

/**
 * The main waveform's colours: no played part and no cursor of wavesurfer's (the playhead is
 * ours). Opaque: wavesurfer draws the played part as the waveform recoloured ('source-in'), so
 * a translucent colour would show it lighter, lagging behind the playhead.
 */
export function mainWaveColors(el: Element): WaveColors {
  const c = waveColors(el)
  const solid = cssVar(el, '--wave-solid', c.waveColor)
  return { waveColor: solid, progressColor: solid, cursorColor: c.cursorColor }
}

/** The fills of the regions that are not a speaker's segment, and the time ruler's labels. */
export interface RegionColors {
  /** A range dragged out on the waveform. */
  selection: string
  /** An annotation in its lane. */
  annotation: string
  /** The looped range's fill and its top edge. */
  loop: string
  loopEdge: string
  /** The time ruler's labels. */
  ruler: string
}

/** The region colours from the theme (`--region-*`), as the wave's come from `--wave*`. */
export function regionColors(el: Element): RegionColors {
  return {
    selection: cssVar(el, '--region-selection', 'rgba(90, 130, 230, 0.28)'),
    annotation: cssVar(el, '--region-annotation', 'rgba(200, 140, 0, 0.45)'),
    loop: cssVar(el, '--region-loop', 'rgba(220, 60, 60, 0.16)'),
    loopEdge: cssVar(el, '--region-loop-edge', 'rgba(220, 60, 60, 0.8)'),
    ruler: cssVar(el, '--fg-muted', '#666')
  }
}
