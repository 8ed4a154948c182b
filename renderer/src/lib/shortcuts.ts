/*
 * Keyboard shortcuts as data: every editor action, its default keys, and the user's remapping
 * (kept in localStorage). A combo is written "Mod+Shift+K": `Mod` is Ctrl (Cmd on macOS), so no
 * default needs Alt/Option (which types characters on macOS keyboards). Combos without Ctrl/Cmd
 * are ignored while the reviewer is typing in a text field, so plain keys stay plain text there.
 */

import { t } from '../i18n'

/** Every action the editor can run from the keyboard. */
export type ShortcutAction =
  | 'playPause'
  | 'skipBack'
  | 'skipForward'
  | 'slower'
  | 'faster'
  | 'loopSegment'
  | 'nextSegment'
  | 'prevSegment'
  | 'nextWord'
  | 'prevWord'
  | 'nextLowConfidence'
  | 'prevLowConfidence'
  | 'editSegment'
  | 'split'
  | 'merge'
  | 'mergePrevious'
  | 'newSegment'
  | 'deleteSegment'
  | 'speaker1'
  | 'speaker2'
  | 'speaker3'
  | 'speaker4'
  | 'speaker5'
  | 'speaker6'
  | 'speaker7'
  | 'speaker8'
  | 'speaker9'
  | 'startEarlier'
  | 'startLater'
  | 'endEarlier'
  | 'endLater'
  | 'undo'
  | 'redo'
  | 'find'
  | 'markReviewed'
  | 'cycleStatus'
  | 'editNote'
  | 'nextUnheard'
  | 'cycleFilter'
  | 'addAnnotation'
  | 'backToPlayhead'
  | 'zoomIn'
  | 'zoomOut'
  | 'export'
  | 'finishReview'
  | 'help'
  | 'settings'
  | 'nextQueueItem'
  | 'prevQueueItem'
  | 'acceptQueueItem'
  | 'toggleCueView'
  | 'forceBreak'
  | 'keepTogether'
  | 'lockCue'
  | 'nextBreach'
  | 'prevBreach'

/** An action's label (in the reviewer's language) and default keys, as the help overlay lists them. */
export interface ShortcutDefinition {
  readonly action: ShortcutAction
  readonly label: string
  readonly group: 'Playback' | 'Navigation' | 'Editing' | 'Speakers' | 'Other'
  readonly keys: readonly string[]
}

/** The groups of the help overlay, in its order. */
export type ShortcutGroup = ShortcutDefinition['group']

// The label is read when shown (a getter), so the help follows a change of language.
function def(action: ShortcutAction, group: ShortcutGroup, keys: readonly string[], label = () => t(`shortcuts.actions.${action}`)): ShortcutDefinition {
  return {
    action,
    group,
    keys,
    get label() {
      return label()
    }
  }
}

const speakerDefs: ShortcutDefinition[] = Array.from({ length: 9 }, (_, i) =>
  def(`speaker${i + 1}` as ShortcutAction, 'Speakers', [`Mod+${i + 1}`], () => t('shortcuts.actions.speaker', { n: i + 1 }))
)

/** A group's name in the reviewer's language. */
export function shortcutGroupLabel(group: ShortcutGroup | 'Task'): string {
  return t(`shortcuts.groups.${group}`)
}

/** The default map, in the order the help overlay shows it. */
export const shortcutDefinitions: readonly ShortcutDefinition[] = [
  def('playPause', 'Playback', ['Space', 'Mod+Space']),
  def('skipBack', 'Playback', ['J', 'Mod+J']),
  def('skipForward', 'Playback', ['L', 'Mod+L']),
  def('slower', 'Playback', ['Mod+[']),
  def('faster', 'Playback', ['Mod+]']),
  def('loopSegment', 'Playback', ['Mod+Shift+L']),
  def('nextSegment', 'Navigation', ['ArrowDown', 'Mod+ArrowDown']),
  def('prevSegment', 'Navigation', ['ArrowUp', 'Mod+ArrowUp']),
  def('nextWord', 'Navigation', ['ArrowRight']),
  def('prevWord', 'Navigation', ['ArrowLeft']),
  def('nextLowConfidence', 'Navigation', ['N', 'Mod+Shift+N']),
  def('prevLowConfidence', 'Navigation', ['Shift+N', 'Mod+Shift+B']),
  def('nextUnheard', 'Navigation', ['H', 'Mod+Shift+H']),
  def('cycleFilter', 'Navigation', ['F']),
  def('nextQueueItem', 'Navigation', ['Q', 'Mod+Shift+J']),
  def('prevQueueItem', 'Navigation', ['Shift+Q', 'Mod+Shift+K']),
  def('backToPlayhead', 'Navigation', ['P', 'Mod+Shift+P']),
  def('editSegment', 'Editing', ['Enter', 'F2']),
  def('split', 'Editing', ['Mod+Enter']),
  def('merge', 'Editing', ['Mod+M']),
  def('mergePrevious', 'Editing', ['Mod+Shift+M']),
  def('newSegment', 'Editing', ['Mod+Shift+Enter']),
  def('deleteSegment', 'Editing', ['Mod+Shift+Backspace']),
  def('nextBreach', 'Navigation', ['E']),
  def('prevBreach', 'Navigation', ['Shift+E']),
  def('forceBreak', 'Editing', ['B']),
  def('keepTogether', 'Editing', ['K']),
  def('lockCue', 'Editing', ['O']),
  def('startEarlier', 'Editing', ['[']),
  def('startLater', 'Editing', [']']),
  def('endEarlier', 'Editing', [';']),
  def('endLater', 'Editing', ["'"]),
  def('acceptQueueItem', 'Editing', ['Y', 'Mod+Shift+Y']),
  def('markReviewed', 'Editing', ['Mod+D']),
  def('cycleStatus', 'Editing', ['S', 'Mod+Shift+S']),
  def('editNote', 'Editing', ['C', 'Mod+Shift+X']),
  def('addAnnotation', 'Editing', ['Mod+Shift+A']),
  def('undo', 'Editing', ['Mod+Z']),
  def('redo', 'Editing', ['Mod+Shift+Z', 'Mod+Y']),
  def('find', 'Editing', ['Mod+F']),
  ...speakerDefs,
  // Not Ctrl+=/Ctrl+-: the app menu gives those to page zoom.
  def('toggleCueView', 'Other', ['V', 'Mod+Shift+G']),
  def('zoomIn', 'Other', ['=', '+']),
  def('zoomOut', 'Other', ['-']),
  def('export', 'Other', ['Mod+E']),
  def('finishReview', 'Other', ['Mod+Shift+E']),
  def('help', 'Other', ['?', 'F1']),
  def('settings', 'Other', ['Mod+,'])
]

/** The user's remapping: for each remapped action, its keys (replacing the defaults). */
export type ShortcutOverrides = Partial<Record<ShortcutAction, readonly string[]>>

/** The localStorage key of the remapping. */
export const shortcutStorageKey = 'sdte.shortcuts.v1'

/** The minimal keyboard event shape `comboFromEvent` reads (a KeyboardEvent fits). */
export interface KeyLike {
  readonly key: string
  readonly code: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

const modifierKeys = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph', 'CapsLock'])

/**
 * The combo a key event stands for, or null for a bare modifier. Letters and digits come from
 * the physical key (`code`) so Shift and layouts do not change them; other keys from `key`,
 * where Shift is already part of the character ("?" is Shift+/) and so is not written.
 */
export function comboFromEvent(event: KeyLike, isMac: boolean): string | null {
  if (modifierKeys.has(event.key)) return null
  let key: string
  let shiftMatters = true
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3)
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5)
  else if (event.key === ' ' || event.code === 'Space') key = 'Space'
  else if (event.key.length === 1) {
    key = event.key
    shiftMatters = false
  } else key = event.key
  const parts: string[] = []
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod')
  if (isMac && event.ctrlKey) parts.push('Ctrl')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey && shiftMatters) parts.push('Shift')
  parts.push(key)
  return parts.join('+')
}

/** True when a combo uses Ctrl/Cmd, and so also works while typing in a text field. */
export function isCommandCombo(combo: string): boolean {
  return combo.startsWith('Mod+') || combo.startsWith('Ctrl+')
}

/** The effective keys of every action: defaults with the overrides applied. */
export function effectiveBindings(overrides: ShortcutOverrides = {}): Map<ShortcutAction, readonly string[]> {
  const map = new Map<ShortcutAction, readonly string[]>()
  for (const def of shortcutDefinitions) map.set(def.action, overrides[def.action] ?? def.keys)
  return map
}

/** Combo → action lookup for the effective bindings (a later action never steals a combo). */
export function comboTable(bindings: Map<ShortcutAction, readonly string[]>): Map<string, ShortcutAction> {
  const table = new Map<string, ShortcutAction>()
  for (const [action, keys] of bindings) for (const k of keys) if (!table.has(k)) table.set(k, action)
  return table
}

/** The action for a key event, honouring the text-field rule; null when none applies. */
export function actionForEvent(table: Map<string, ShortcutAction>, event: KeyLike, isMac: boolean, inTextField: boolean): ShortcutAction | null {
  const combo = comboFromEvent(event, isMac)
  if (combo === null) return null
  if (inTextField && !isCommandCombo(combo)) return null
  return table.get(combo) ?? null
}

const keyNames: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' }
const macKeyNames: Readonly<Record<string, string>> = { ...keyNames, Enter: '↩', Backspace: '⌫', Delete: '⌦', Escape: '⎋', Tab: '⇥' }
/** macOS writes modifiers as symbols, in this order (Apple's: Control, Option, Shift, Command). */
const macModifiers: ReadonlyArray<[string, string]> = [['Ctrl', '⌃'], ['Alt', '⌥'], ['Shift', '⇧'], ['Mod', '⌘']]

/** A combo as the reviewer reads it on this platform ("Ctrl+Shift+Z", "⇧⌘Z"). */
export function formatCombo(combo: string, isMac: boolean): string {
  // The key is the last part; "+" itself is a key ("Mod++" is Mod and the plus key).
  const mods = combo.split('+')
  let key = mods.pop() ?? ''
  if (key === '' && mods.length > 0) {
    key = '+'
    mods.pop()
  }
  if (!isMac) return [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), keyNames[key] ?? key].join('+')
  return macModifiers.filter(([m]) => mods.includes(m)).map(([, symbol]) => symbol).join('') + (macKeyNames[key] ?? key)
}

/** The first key bound to `action` in `bindings`, as read on this platform ("Ctrl+Z", "⌘Z"); "" when unbound. */
export function firstKeyLabel(bindings: ReadonlyMap<ShortcutAction, readonly string[]>, action: ShortcutAction, isMac: boolean): string {
  const first = bindings.get(action)?.[0]
  return first ? formatCombo(first, isMac) : ''
}

/** A command named with its keys, "Split (Ctrl+Enter)", or the name alone when it has none. */
export function withKeys(name: string, keys: string): string {
  return keys ? `${name} (${keys})` : name
}

/** The actions whose keys collide with another action's (for the settings panel). */
export function conflicts(bindings: Map<ShortcutAction, readonly string[]>): Map<string, ShortcutAction[]> {
  const seen = new Map<string, ShortcutAction[]>()
  for (const [action, keys] of bindings) for (const k of keys) seen.set(k, [...(seen.get(k) ?? []), action])
  for (const [k, actions] of seen) if (actions.length < 2) seen.delete(k)
  return seen
}

/** Reads the remapping from storage; anything malformed is ignored rather than trusted. */
export function loadOverrides(storage: Pick<Storage, 'getItem'>): ShortcutOverrides {
  try {
    const raw = storage.getItem(shortcutStorageKey)
    if (!raw) return {}
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return {}
    const known = new Set<string>(shortcutDefinitions.map((d) => d.action))
    const out: ShortcutOverrides = {}
    for (const [action, keys] of Object.entries(parsed as Record<string, unknown>)) {
      if (known.has(action) && Array.isArray(keys) && keys.every((k) => typeof k === 'string' && k.length > 0 && k.length < 40)) {
        out[action as ShortcutAction] = keys as string[]
      }
    }
    return out
  } catch {
    return {}
  }
}

/** Writes the remapping to storage. */
export function saveOverrides(storage: Pick<Storage, 'setItem'>, overrides: ShortcutOverrides): void {
  storage.setItem(shortcutStorageKey, JSON.stringify(overrides))
}

/** True on macOS (where Mod is Cmd): `platform` is navigator.platform ("MacIntel") or Node's ("darwin"). */
export function detectMac(platform: string): boolean {
  return /Mac|iPhone|iPad|^darwin$/i.test(platform)
}
