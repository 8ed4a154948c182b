import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogues } from '../../renderer/src/i18n'
import { resolveLocale } from '../../shared/i18n/locales'
import { englishNotices, noticeCodes, placeholdersOf } from '../../shared/i18n/notices'

/*
 * The catalogues are complete and used correctly: the same keys and placeholders in every
 * language, and every key the renderer's code asks for exists (a typo would otherwise show the
 * key itself to the reviewer).
 */

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (message: string): string[] => [...message.matchAll(/\{\s*([\w.]+)\s*\}/g)].map((m) => m[1]).sort()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

describe('message catalogues', () => {
  const en = leaves(catalogues.en as unknown as Tree)
  const pt = leaves(catalogues['pt-PT'] as unknown as Tree)

  it('have the same keys in English and Portuguese', () => {
    expect([...pt.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('have the same placeholders in every translation', () => {
    const mismatched = [...en].filter(([key, text]) => placeholders(text).join() !== placeholders(pt.get(key) ?? '').join()).map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('have the same plural forms in every translation', () => {
    const forms = (text: string) => text.split(' | ').length
    const mismatched = [...en].filter(([key, text]) => forms(text) !== forms(pt.get(key) ?? '')).map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('contain every key the renderer asks for', () => {
    const missing: string[] = []
    for (const file of sourceFiles(join(__dirname, '../../renderer/src'))) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:\bt|\$t|\btc)\(\s*'([\w.-]+)'|keypath="([\w.-]+)"/g)) {
        const key = match[1] ?? match[2]
        if (!en.has(key)) missing.push(`${file.split('renderer/src/')[1]}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('notices built in shared/', () => {
  const en = leaves(catalogues.en as unknown as Tree)
  const pt = leaves(catalogues['pt-PT'] as unknown as Tree)

  // The codes come from shared's one list (a code a module produces must be in it: NoticeCode).
  it('every code has English and Portuguese text with the placeholders shared fills in', () => {
    const wrong = noticeCodes.flatMap((code) => {
      const want = placeholdersOf(englishNotices[code]).join()
      const key = `notices.${code}`
      const problems: string[] = []
      if (!en.has(key)) problems.push(`${key}: no English`)
      else if (placeholders(en.get(key)!).join() !== want) problems.push(`${key}: English placeholders ${placeholders(en.get(key)!).join()} ≠ ${want}`)
      if (!pt.has(key)) problems.push(`${key}: no Portuguese`)
      else if (placeholders(pt.get(key)!).join() !== want) problems.push(`${key}: Portuguese placeholders ${placeholders(pt.get(key)!).join()} ≠ ${want}`)
      return problems
    })
    expect(noticeCodes.length).toBeGreaterThan(50)
    expect(wrong).toEqual([])
  })

  it('the notices area holds no key shared cannot produce', () => {
    const known = new Set(noticeCodes.map((code) => `notices.${code}`))
    expect([...en.keys()].filter((key) => key.startsWith('notices.') && !known.has(key))).toEqual([])
  })

  it('no notice uses vue-i18n syntax that would garble it (linked @, plural |)', () => {
    const texts = [...noticeCodes.map((c) => englishNotices[c] as string), ...[...en, ...pt].filter(([k]) => k.startsWith('notices.')).map(([, v]) => v)]
    expect(texts.filter((text) => /[@|]/.test(text))).toEqual([])
  })
})

describe('resolveLocale', () => {
  it.each([
    [['pt-PT', 'en'], 'pt-PT'],
    [['pt-BR'], 'pt-PT'],
    [['pt'], 'pt-PT'],
    [['en-GB', 'pt-PT'], 'en'],
    [['fr-FR', 'pt-PT'], 'pt-PT'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en']
  ] as const)('system languages %j read as %s', (system, expected) => {
    expect(resolveLocale('system', system)).toBe(expected)
  })

  it('a chosen language wins over the system', () => {
    expect(resolveLocale('en', ['pt-PT'])).toBe('en')
    expect(resolveLocale('pt-PT', ['en-US'])).toBe('pt-PT')
  })
})
