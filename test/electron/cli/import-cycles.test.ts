import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCycle } from '../../support/import-graph'

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
