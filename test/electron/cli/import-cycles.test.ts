import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * `sdte`'s modules import each other in one direction only (main.ts dispatches, the
 * commands import io.ts/services.ts, never main.ts). A cycle here once made `sdte qc` depend on
 * load order (main ↔ qc ↔ qc-report); this reads the real sources and fails on any new one.
 */

const cliDir = resolve(import.meta.dirname, '../../../electron/cli')

/** The sibling modules each CLI file imports at run time (`import type` is erased, so left out). */
function runtimeImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of readdirSync(cliDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(cliDir, file), 'utf8')
    const deps: string[] = []
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'\.\/([^']+)'|^import\s+'\.\/([^']+)'/gm)) {
      if (m[1]) continue
      deps.push(`${m[2] ?? m[3]}.ts`)
    }
    graph.set(file, deps)
  }
  return graph
}

/** One import cycle as "a → b → a", or null when there is none. */
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

describe('electron/cli import graph', () => {
  it('has no run-time import cycle', () => {
    const graph = runtimeImports()
    expect(graph.get('main.ts')).toContain('qc-report.ts')
    expect(findCycle(graph)).toBeNull()
  })

  it('no command imports the dispatcher', () => {
    const importers = [...runtimeImports()].filter(([, deps]) => deps.includes('main.ts')).map(([file]) => file)
    expect(importers).toEqual([])
  })
})
