/*
 * Keyboard shortcuts as data: every editor action, its default keys, and the user's remapping
 * (kept in localStorage). A combo is written "Mod+Shift+K": `Mod` is Ctrl (Cmd on macOS), so no
 * default needs Alt/Option (which types characters on macOS keyboards). Combos without Ctrl/Cmd
 * are ignored while the reviewer is typing in a text field, so plain keys stay plain text there.
 */

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

/** An action's label and default keys, as the help overlay lists them. */
export interface ShortcutDefinition {
  readonly action: ShortcutAction
  readonly label: string
  readonly group: 'Playback' | 'Navigation' | 'Editing' | 'Speakers' | 'Other'
  readonly keys: readonly string[]
}

const speakerDefs: ShortcutDefinition[] = Array.from({ length: 9 }, (_, i) => ({
  action: `speaker${i + 1}` as ShortcutAction,
  label: `Speaker ${i + 1} for the current segment (or the selected words)`,
  group: 'Speakers' as const,
  keys: [`Mod+${i + 1}`]
}))

/** The default map, in the order the help overlay shows it. */
export const shortcutDefinitions: readonly ShortcutDefinition[] = [
  { action: 'playPause', label: 'Play / pause', group: 'Playback', keys: ['Space', 'Mod+Space'] },
  { action: 'skipBack', label: 'Skip back 5 s', group: 'Playback', keys: ['J', 'Mod+J'] },
  { action: 'skipForward', label: 'Skip forward 5 s', group: 'Playback', keys: ['L', 'Mod+L'] },
  { action: 'slower', label: 'Slower', group: 'Playback', keys: ['Mod+['] },
  { action: 'faster', label: 'Faster', group: 'Playback', keys: ['Mod+]'] },
  { action: 'loopSegment', label: 'Loop the segment playing (paused: the cursor’s) / stop looping', group: 'Playback', keys: ['Mod+Shift+L'] },
  { action: 'nextSegment', label: 'Next segment', group: 'Navigation', keys: ['ArrowDown', 'Mod+ArrowDown'] },
  { action: 'prevSegment', label: 'Previous segment', group: 'Navigation', keys: ['ArrowUp', 'Mod+ArrowUp'] },
  { action: 'nextWord', label: 'Next word', group: 'Navigation', keys: ['ArrowRight'] },
  { action: 'prevWord', label: 'Previous word', group: 'Navigation', keys: ['ArrowLeft'] },
  { action: 'nextLowConfidence', label: 'Next low-confidence word', group: 'Navigation', keys: ['N', 'Mod+Shift+N'] },
  { action: 'prevLowConfidence', label: 'Previous low-confidence word', group: 'Navigation', keys: ['Shift+N', 'Mod+Shift+B'] },
  { action: 'nextUnheard', label: 'Next unheard stretch of the recording (3 s or longer)', group: 'Navigation', keys: ['H', 'Mod+Shift+H'] },
  { action: 'cycleFilter', label: 'Transcript filter: all → unreviewed → second pass → with notes', group: 'Navigation', keys: ['F'] },
  { action: 'nextQueueItem', label: 'Next review-queue item', group: 'Navigation', keys: ['Q', 'Mod+Shift+J'] },
  { action: 'prevQueueItem', label: 'Previous review-queue item', group: 'Navigation', keys: ['Shift+Q', 'Mod+Shift+K'] },
  { action: 'backToPlayhead', label: 'Back to the playhead', group: 'Navigation', keys: ['P', 'Mod+Shift+P'] },
  { action: 'editSegment', label: 'Edit the current word / segment', group: 'Editing', keys: ['Enter', 'F2'] },
  { action: 'split', label: 'Split the segment at the caret / word', group: 'Editing', keys: ['Mod+Enter'] },
  { action: 'merge', label: 'Merge with the next segment', group: 'Editing', keys: ['Mod+M'] },
  { action: 'mergePrevious', label: 'Merge with the previous segment (right after a split: join it back)', group: 'Editing', keys: ['Mod+Shift+M'] },
  { action: 'newSegment', label: 'New segment at the playhead (or from the range selected on the waveform)', group: 'Editing', keys: ['Mod+Shift+Enter'] },
  { action: 'deleteSegment', label: 'Delete the segment (undo brings it back)', group: 'Editing', keys: ['Mod+Shift+Backspace'] },
  { action: 'nextBreach', label: 'Cue view: next cue with a QC breach', group: 'Navigation', keys: ['E'] },
  { action: 'prevBreach', label: 'Cue view: previous cue with a QC breach', group: 'Navigation', keys: ['Shift+E'] },
  { action: 'forceBreak', label: 'Cue view: force a cue break before the selected word (again: remove it)', group: 'Editing', keys: ['B'] },
  { action: 'keepTogether', label: 'Cue view: keep the selected words in one cue (Shift+click extends the selection)', group: 'Editing', keys: ['K'] },
  { action: 'lockCue', label: 'Cue view: lock the cue at its times / unlock it', group: 'Editing', keys: ['O'] },
  { action: 'startEarlier', label: 'Segment starts 0.1 s earlier (cue view: the cue comes in one frame earlier)', group: 'Editing', keys: ['['] },
  { action: 'startLater', label: 'Segment starts 0.1 s later (cue view: the cue comes in one frame later)', group: 'Editing', keys: [']'] },
  { action: 'endEarlier', label: 'Segment ends 0.1 s earlier (cue view: the cue goes out one frame earlier)', group: 'Editing', keys: [';'] },
  { action: 'endLater', label: 'Segment ends 0.1 s later (cue view: the cue goes out one frame later)', group: 'Editing', keys: ["'"] },
  { action: 'acceptQueueItem', label: 'Accept the review-queue word (it is right) and go to the next', group: 'Editing', keys: ['Y', 'Mod+Shift+Y'] },
  { action: 'markReviewed', label: 'Mark the segment reviewed', group: 'Editing', keys: ['Mod+D'] },
  { action: 'cycleStatus', label: 'Segment status: unreviewed → reviewed → second pass', group: 'Editing', keys: ['S', 'Mod+Shift+S'] },
  { action: 'editNote', label: 'Add or edit the segment’s note (Enter saves, Escape cancels)', group: 'Editing', keys: ['C', 'Mod+Shift+X'] },
  { action: 'addAnnotation', label: 'Add an annotation', group: 'Editing', keys: ['Mod+Shift+A'] },
  { action: 'undo', label: 'Undo', group: 'Editing', keys: ['Mod+Z'] },
  { action: 'redo', label: 'Redo', group: 'Editing', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { action: 'find', label: 'Find and replace', group: 'Editing', keys: ['Mod+F'] },
  ...speakerDefs,
  // Not Ctrl+=/Ctrl+-: the app menu gives those to page zoom.
  { action: 'toggleCueView', label: 'Cue view: show the transcript as the subtitle cues / back to segments', group: 'Other', keys: ['V', 'Mod+Shift+G'] },
  { action: 'zoomIn', label: 'Zoom the waveform in', group: 'Other', keys: ['=', '+'] },
  { action: 'zoomOut', label: 'Zoom the waveform out', group: 'Other', keys: ['-'] },
  { action: 'export', label: 'Export…', group: 'Other', keys: ['Mod+E'] },
  { action: 'finishReview', label: 'Finish review… (checklist, then export)', group: 'Other', keys: ['Mod+Shift+E'] },
  { action: 'help', label: 'Keyboard shortcuts', group: 'Other', keys: ['?', 'F1'] },
  { action: 'settings', label: 'Shortcut settings', group: 'Other', keys: ['Mod+,'] }
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
