import { useEditorUiStore } from '../stores/editor-ui-store'
import { useIsMac } from '../lib/platform'
import { firstKeyLabel, formatCombo, withKeys } from '../lib/shortcuts'
import type { ShortcutAction } from '../lib/shortcuts'
import { t } from '../i18n'

/*
 * Keys as the reviewer reads them wherever they are shown (tooltips, hints, menus, the help
 * overlay): on this platform (⌘ on macOS, Ctrl elsewhere) and as currently bound, so a remapped
 * action's tooltip names its new keys.
 */

/** Platform- and remapping-aware labels for the editor's shortcuts. */
export function useShortcutLabels() {
  const ui = useEditorUiStore()
  const isMac = useIsMac()

  /** One combo ("Mod+Shift+L") as shown here ("Ctrl+Shift+L", "⇧⌘L"). */
  function combo(value: string): string {
    return formatCombo(value, isMac.value)
  }

  /** The keys bound to `action` now, as shown here ("J or Ctrl+J"); "" when it has none. */
  function keys(action: ShortcutAction): string {
    return (ui.bindings.get(action) ?? []).map(combo).join(` ${t('shortcuts.or')} `)
  }

  /** The first key bound to `action` now ("" when it has none), for compact hints. */
  function firstKey(action: ShortcutAction): string {
    return firstKeyLabel(ui.bindings, action, isMac.value)
  }

  /** A tooltip: `label (keys)`, or the label alone for an unbound action. */
  function hint(label: string, action: ShortcutAction): string {
    return withKeys(label, keys(action))
  }

  /** The command modifier's name here, for prose: "⌘" on macOS, "Ctrl" elsewhere. */
  function modName(): string {
    return isMac.value ? '⌘' : 'Ctrl'
  }

  return { isMac, combo, keys, firstKey, hint, modName }
}
