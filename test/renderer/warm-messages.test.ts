import { afterEach, describe, expect, it, vi } from 'vitest'
import { catalogues, currentLocale, i18n } from '../../renderer/src/i18n'
import { firstAreas, warmMessages } from '../../renderer/src/i18n/warm-messages'

/*
 * The start screen compiles the messages while it idles (i18n/warm-messages.ts); the editor
 * frame's areas go first, so a task opened soon after the start screen shows finds the frame's
 * messages compiled (issue 21, cold open: uncompiled, they were a third of the frame's mount).
 */

/** Every message path of `node`, under `path`. */
function paths(node: unknown, path: string): string[] {
  if (typeof node === 'string') return [path]
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => paths(child, `${path}.${key}`))
}

afterEach(() => vi.restoreAllMocks())

describe('warming the messages', () => {
  it('compiles the frame\'s areas first, then every other message, each once', () => {
    const catalogue = catalogues[currentLocale()] as Record<string, unknown>
    const asked: string[] = []
    const t = i18n.global.t
    vi.spyOn(i18n.global, 't').mockImplementation(((key: string, ...rest: unknown[]) => {
      asked.push(key)
      return (t as (...args: unknown[]) => string)(key, ...rest)
    }) as typeof t)
    let steps = 0
    for (const _ of warmMessages()) steps++
    const all = Object.keys(catalogue).flatMap((area) => paths(catalogue[area], area))
    expect([...asked].sort()).toEqual([...all].sort())
    expect(steps).toBe(all.length)
    // In the order of firstAreas, each area whole before the next; the rest after.
    const firstCount = firstAreas.reduce((n, area) => n + paths(catalogue[area], area).length, 0)
    const areaOf = (path: string): string => path.split('.')[0]
    const seen = [...new Set(asked.slice(0, firstCount).map(areaOf))]
    expect(seen).toEqual([...firstAreas])
    expect(asked.slice(firstCount).every((path) => !(firstAreas as readonly string[]).includes(areaOf(path)))).toBe(true)
  })
})
