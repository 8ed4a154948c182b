import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCycle } from '../../../support/import-graph'

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

describe('electron/services/api import graph', () => {
  it('has no import cycle, not even a type-only one', () => {
    const graph = siblingImports()
    expect(graph.get('api-client.ts')).toContain('api-ports.ts')
    expect(findCycle(graph)).toBeNull()
  })
})
