import { expect, it } from 'vitest'
import { lazyWordTooltips } from '../../renderer/src/lib/word-tooltips'

/*
 * Words' tooltips are written when the pointer comes over a word (or it takes focus), by one
 * listener on the list (lib/word-tooltips.ts), not on every word as rows scroll in (issue 21):
 * the tooltip is the word's as it is now, and only word spans inside the list get one.
 */

function list(): { root: HTMLElement; spans: HTMLElement[] } {
  const root = document.createElement('div')
  root.innerHTML = '<article><p><span class="w" data-i="0">low</span> <span class="w" data-i="1">plain</span> <b class="inner">x</b></p></article>'
  document.body.append(root)
  return { root, spans: [...root.querySelectorAll<HTMLElement>('.w')] }
}

it('sets the hovered word its tooltip as it is now, and none on an unmarked word', () => {
  const { root, spans } = list()
  let threshold = 70
  const titles: Record<string, () => string | undefined> = { '0': () => `below ${threshold}%`, '1': () => undefined }
  const stop = lazyWordTooltips(root, (span) => titles[span.getAttribute('data-i') ?? '']())
  expect(spans[0].hasAttribute('title')).toBe(false)
  spans[0].dispatchEvent(new Event('pointerover', { bubbles: true }))
  expect(spans[0].getAttribute('title')).toBe('below 70%')
  // The threshold changed since: the next visit says the new one.
  threshold = 50
  spans[0].dispatchEvent(new Event('pointerover', { bubbles: true }))
  expect(spans[0].getAttribute('title')).toBe('below 50%')
  spans[1].setAttribute('title', 'stale')
  spans[1].dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
  expect(spans[1].hasAttribute('title')).toBe(false)
  // Not a word: nothing asked, nothing written.
  const inner = root.querySelector<HTMLElement>('.inner')!
  inner.dispatchEvent(new Event('pointerover', { bubbles: true }))
  expect(inner.hasAttribute('title')).toBe(false)
  stop()
  threshold = 30
  spans[0].dispatchEvent(new Event('pointerover', { bubbles: true }))
  expect(spans[0].getAttribute('title')).toBe('below 50%')
  root.remove()
})
