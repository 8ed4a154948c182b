import { catalogues, currentLocale, i18n } from './index'

/*
 * vue-i18n compiles each message the first time it is used (a parse at run time: the renderer's
 * CSP forbids the eval of precompiled ones). On a cold open that parsing was a good part of the
 * first screen's render and of the side pieces' mount (issue 21's profile: `translate` →
 * `compile`). The start screen idles while the reviewer picks a task, so the messages of the
 * language in use are compiled then, a few at a time (compiled messages are cached by text).
 * The editor frame's own areas go first: a reviewer who opens a task soon after the start
 * screen shows (or a cold-open benchmark, 300 ms after it) would otherwise find the frame's
 * messages still uncompiled, a third of the frame's mount.
 */

/** The catalogue areas the editor's frame and first rows show, compiled before all others. */
export const firstAreas = ['frame', 'shortcuts', 'common', 'workflow', 'editorPanels', 'editorMessages', 'notices'] as const

/** Compiles every message of the current locale, one per step, `firstAreas` first (run it with lib/run-in-slices.ts). */
export function* warmMessages(): Generator<void, void, void> {
  const locale = currentLocale()
  const catalogue = catalogues[locale] as Record<string, unknown>
  const areas = [...firstAreas, ...Object.keys(catalogue).filter((area) => !(firstAreas as readonly string[]).includes(area))]
  // A stack: the first area on top.
  const stack: Array<{ node: unknown; path: string }> = areas.reverse().map((area) => ({ node: catalogue[area], path: area }))
  while (stack.length) {
    const { node, path } = stack.pop()!
    if (typeof node === 'string') {
      try {
        i18n.global.t(path, {}, { locale })
      } catch {
        // A message that does not compile shows as its key at run time too; nothing to warm.
      }
      yield
      continue
    }
    if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: path ? `${path}.${key}` : key })
  }
}
