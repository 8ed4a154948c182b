import type { Page } from '@playwright/test'

/** One piece of visible text whose contrast with what is behind it is below WCAG AA. */
export interface LowContrast {
  readonly text: string
  readonly ratio: number
  readonly required: number
  readonly element: string
}

/**
 * Every visible text on the page whose contrast ratio with its effective background (the
 * nearest backgrounds behind it, blended, and the element's opacity) is below WCAG AA: 4.5:1,
 * or 3:1 for large text. Disabled controls are exempt, as in WCAG. Text over an image or a
 * canvas (the document's own page) is not judged.
 */
export function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (c: string): Rgba | null => {
      const rgb = /rgba?\(([^)]+)\)/.exec(c)
      if (rgb) {
        const p = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
        return [p[0]!, p[1]!, p[2]!, p[3] ?? 1]
      }
      const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(c)
      return srgb ? [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])] : null
    }
    const luminance = (c: readonly number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(c[0]!) + 0.7152 * f(c[1]!) + 0.0722 * f(c[2]!)
    }
    const background = (el: Element): number[] | null => {
      const layers: Rgba[] = []
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (e.tagName === 'CANVAS' || e.tagName === 'IMG') return null
        const style = getComputedStyle(e)
        if (style.backgroundImage !== 'none' && !style.backgroundImage.startsWith('repeating-linear-gradient')) return null
        const c = parse(style.backgroundColor)
        if (c && c[3] > 0) {
          layers.push(c)
          if (c[3] >= 1) break
        }
      }
      let base: number[] = layers.length && layers[layers.length - 1]![3] >= 1 ? layers.pop()!.slice(0, 3) : [255, 255, 255]
      for (let i = layers.length - 1; i >= 0; i--) {
        const c = layers[i]!
        base = base.map((v, k) => v * (1 - c[3]) + c[k]! * c[3])
      }
      return base
    }
    const found: Array<{ text: string; ratio: number; required: number; element: string }> = []
    const seen = new Set<Element>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (!el || !text || seen.has(el)) continue
      seen.add(el)
      if (el.closest('svg, .visually-hidden, .sr, [aria-hidden="true"]')) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden') continue
      if ((el.closest('button, input, select, textarea, fieldset') as HTMLButtonElement | null)?.disabled) continue
      const bg = background(el)
      const fg = parse(style.color)
      if (!bg || !fg) continue
      let alpha = fg[3]
      for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity)
      // Fully transparent text is not shown (a control revealed on hover or on the cursor row);
      // it is judged in the state that shows it, e.g. the cursor row's Delete button.
      if (alpha === 0) continue
      const shown = fg.slice(0, 3).map((v, k) => v * alpha + bg[k]! * (1 - alpha))
      const [hi, lo] = [luminance(shown), luminance(bg)].sort((a, b) => b - a) as [number, number]
      const ratio = (hi + 0.05) / (lo + 0.05)
      const size = parseFloat(style.fontSize)
      const required = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5
      if (ratio < required) found.push({ text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100, required, element: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` })
    }
    return found
  })
}
