import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * User-visible sentences built in renderer TypeScript (toasts, status lines, confirm texts, step
 * labels) go through vue-i18n like the templates do (ESLint checks those). This finds English
 * sentences written inline in string literals of renderer/src/**\/*.ts outside the catalogues: a
 * literal of three or more words that starts with a capital letter or holds common English words.
 * `allowed` names the few that never reach a person (log lines, thrown developer errors, CSS).
 */

const root = join(__dirname, '../../renderer/src')

/** file: literals in it that are not user-visible (each says why in the file itself). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  // A CSS selector, not a sentence.
  'composables/use-dialog-focus.ts': ['button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'],
  // A text measured off screen for the mean character width of a row; never shown.
  'composables/use-row-estimate.ts': ['The quick brown fox jumps over the lazy dog, and then 12 more. Well, yes: I think so.']
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : tsFiles(path)
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

const englishWords = /\b(the|and|with|your|this|could|not|was|were|is|are|of|to|from|no|retry|saved|failed|sent|marked|cancelled)\b/i

/** String literals on a line that is not a comment, an import or a console/log call. */
function literals(source: string): string[] {
  const out: string[] = []
  for (const line of source.split('\n')) {
    const code = line.trim()
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*') || code.startsWith('import ') || /console\.|logger\.|\bthrow new Error\(/.test(code)) continue
    for (const m of code.matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) out.push(m[1] ?? m[2])
  }
  return out
}

/** A literal that reads as an English sentence a person would see. */
function isEnglishSentence(text: string): boolean {
  const words = text.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z][a-z’']+[.,;:…]?$/.test(w))
  return words.length >= 3 && (englishWords.test(text) || /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(text))
}

describe('renderer TypeScript', () => {
  it('builds no English sentence outside the message catalogues', () => {
    const found: string[] = []
    for (const file of tsFiles(root)) {
      const name = relative(root, file)
      for (const text of literals(readFileSync(file, 'utf8'))) {
        if (isEnglishSentence(text) && !(allowed[name] ?? []).includes(text)) found.push(`${name}: ${text}`)
      }
    }
    expect(found).toEqual([])
  })

  it('catches one when it comes back', () => {
    expect(literals("const detail = 'The platform already has these speakers.'").filter(isEnglishSentence)).toHaveLength(1)
    expect(literals("const key = t('finishSteps.alreadyThere')").filter(isEnglishSentence)).toHaveLength(0)
  })
})
