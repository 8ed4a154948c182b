import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * The API services import each other in one direction, types included: ESLint's no-cycle skips
 * `import type`, so a type-only cycle (api-client ↔ api-ports over TokenSource) went unseen.
 * This reads the real sources and fails on any cycle among the folder's files.
 */

const apiDir = resolve(import.meta.dirname, '../../../../electron/services/api')

/** The sibling modules each file imports or re-exports, type-only imports included. */
function siblingImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of readdirSync(apiDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(apiDir, file), 'utf8')
    const deps = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'\.\/([^']+)'/gm)].map((m) => `${m[1]}.ts`)
    graph.set(file, deps)
  }
  return graph
}

/** One cycle as "a → b → a", or null. */
function findCycle(graph: Map<string, string[]>): string | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): string | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' → ')
    state.set(node, 'open')
    path.push(node)
    for (const dep of graph.get(node) ?? []) {
      const found = visit(dep)
      if (found) return found
    }
    path.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    const found = visit(node)
    if (found) return found
  }
  return null
}

describe('electron/services/api import graph', () => {
  it('has no import cycle, not even a type-only one', () => {
    const graph = siblingImports()
    expect(graph.get('api-client.ts')).toContain('api-ports.ts')
    expect(findCycle(graph)).toBeNull()
  })
})
