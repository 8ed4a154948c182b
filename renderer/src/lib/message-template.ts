/*
 * A translated message with named parameters, turned into a plain function once per language.
 * vue-i18n resolves, formats and builds a cache key at every call (its `t` was a tenth of a
 * scroll frame's script in the profile: each transcript row asked for ~11 messages at every
 * render). The message is asked for once with placeholder markers for its parameters; the text
 * between the markers is kept, and filling it in is a join.
 */

/** Asks the translation of `key` with these named values (vue-i18n's `t`). */
export type Translate = (key: string, named: Record<string, string>) => string

// Markers no catalogue contains (Unicode private-use characters), one per parameter.
const marker = (i: number): string => `\uE000${i}\uE001`
const markers = /\uE000(\d+)\uE001/

/** The message `key` as a function of its `names`d parameters (see the module comment). */
export function messageTemplate<N extends string>(translate: Translate, key: string, names: readonly N[]): (values: Readonly<Record<N, string>>) => string {
  const named = Object.fromEntries(names.map((n, i) => [n, marker(i)]))
  // split with a capture group: text, parameter index, text, parameter index, …, text.
  const parts = translate(key, named).split(markers)
  return (values) => {
    let out = parts[0]
    for (let i = 1; i < parts.length; i += 2) out += values[names[Number(parts[i])]] + parts[i + 1]
    return out
  }
}
