import { describe, expect, it } from 'vitest'
import {
  actionForEvent,
  comboFromEvent,
  comboTable,
  conflicts,
  detectMac,
  effectiveBindings,
  formatCombo,
  loadOverrides,
  saveOverrides,
  shortcutDefinitions,
  shortcutStorageKey
} from '../../renderer/src/lib/shortcuts'
import type { KeyLike } from '../../renderer/src/lib/shortcuts'

const key = (k: string, code: string, mods: Partial<Pick<KeyLike, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {}): KeyLike => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
})

describe('shortcut mapping', () => {
  it('reads combos from physical letters and digits, and characters otherwise', () => {
    expect(comboFromEvent(key('z', 'KeyZ', { ctrlKey: true }), false)).toBe('Mod+Z')
    expect(comboFromEvent(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+Z')
    expect(comboFromEvent(key('z', 'KeyZ', { metaKey: true }), true)).toBe('Mod+Z')
    expect(comboFromEvent(key('z', 'KeyZ', { ctrlKey: true }), true)).toBe('Ctrl+Z')
    expect(comboFromEvent(key('!', 'Digit1', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+1')
    expect(comboFromEvent(key('?', 'Slash', { shiftKey: true }), false)).toBe('?')
    expect(comboFromEvent(key(' ', 'Space'), false)).toBe('Space')
    expect(comboFromEvent(key('Shift', 'ShiftLeft', { shiftKey: true }), false)).toBeNull()
    expect(comboFromEvent(key('ArrowDown', 'ArrowDown'), false)).toBe('ArrowDown')
  })

  it('maps the default keys to actions, and ignores plain keys while typing', () => {
    const table = comboTable(effectiveBindings())
    expect(actionForEvent(table, key(' ', 'Space'), false, false)).toBe('playPause')
    expect(actionForEvent(table, key(' ', 'Space'), false, true)).toBeNull()
    expect(actionForEvent(table, key(' ', 'Space', { ctrlKey: true }), false, true)).toBe('playPause')
    expect(actionForEvent(table, key('n', 'KeyN'), false, false)).toBe('nextLowConfidence')
    expect(actionForEvent(table, key('N', 'KeyN', { shiftKey: true }), false, false)).toBe('prevLowConfidence')
    expect(actionForEvent(table, key('Enter', 'Enter', { ctrlKey: true }), false, true)).toBe('split')
    expect(actionForEvent(table, key('3', 'Digit3', { metaKey: true }), true, false)).toBe('speaker3')
    expect(actionForEvent(table, key('y', 'KeyY', { ctrlKey: true }), false, true)).toBe('redo')
  })

  it('gives every action a key, none of them Alt/Option-only, and no two actions the same key', () => {
    const bindings = effectiveBindings()
    for (const def of shortcutDefinitions) {
      expect(def.keys.length).toBeGreaterThan(0)
      for (const k of def.keys) expect(k).not.toMatch(/Alt/)
    }
    expect([...conflicts(bindings).keys()]).toEqual([])
  })

  it('remaps an action, persisted in storage, and ignores a malformed stored map', () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) }
    saveOverrides(storage, { playPause: ['Mod+P'] })
    const overrides = loadOverrides(storage)
    const table = comboTable(effectiveBindings(overrides))
    expect(actionForEvent(table, key('p', 'KeyP', { ctrlKey: true }), false, false)).toBe('playPause')
    expect(actionForEvent(table, key(' ', 'Space'), false, false)).toBeNull()
    store.set(shortcutStorageKey, '{"playPause": 3, "nope": ["X"], "undo": ["Mod+U"]}')
    expect(loadOverrides(storage)).toEqual({ undo: ['Mod+U'] })
    store.set(shortcutStorageKey, 'not json')
    expect(loadOverrides(storage)).toEqual({})
  })

  it('formats combos per platform (macOS: symbols in Apple’s order, Control, Option, Shift, Command)', () => {
    expect(formatCombo('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(formatCombo('Mod+Shift+Z', true)).toBe('⇧⌘Z')
    expect(formatCombo('Mod+Ctrl+Alt+Shift+K', true)).toBe('⌃⌥⇧⌘K')
    expect(formatCombo('Mod+O', true)).toBe('⌘O')
    expect(formatCombo('Mod+O', false)).toBe('Ctrl+O')
    // "+" is a key too; arrows are drawn as arrows, Enter as Return on macOS.
    expect(formatCombo('+', false)).toBe('+')
    expect(formatCombo('Mod++', true)).toBe('⌘+')
    expect(formatCombo('Mod+ArrowDown', false)).toBe('Ctrl+↓')
    expect(formatCombo('Mod+Enter', true)).toBe('⌘↩')
    expect(formatCombo('Space', true)).toBe('Space')
  })

  it('knows macOS from the browser’s platform string and from Node’s (what main reports)', () => {
    expect(detectMac('MacIntel')).toBe(true)
    expect(detectMac('darwin')).toBe(true)
    expect(detectMac('Win32')).toBe(false)
    expect(detectMac('win32')).toBe(false)
    expect(detectMac('Linux x86_64')).toBe(false)
    expect(detectMac('linux')).toBe(false)
  })
})

describe('where plain keys are the editor’s', () => {
  it('on the page and on transcript rows, but not in text fields, buttons or other panes', async () => {
    const { takesPlainKeys } = await import('../../renderer/src/composables/use-editor-commands')
    document.body.innerHTML = `
      <section data-editor-keys><article tabindex="0" id="row"></article><textarea id="field"></textarea><button id="btn"></button></section>
      <aside><div role="grid" tabindex="0" id="grid"></div></aside>`
    const el = (id: string) => document.getElementById(id)
    expect(takesPlainKeys(document.body)).toBe(false)
    expect(takesPlainKeys(el('row'))).toBe(false)
    expect(takesPlainKeys(el('field'))).toBe(true)
    expect(takesPlainKeys(el('btn'))).toBe(true)
    expect(takesPlainKeys(el('grid'))).toBe(true)
  })
})
