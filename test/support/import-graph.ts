/* Import-graph checks shared by the folder cycle tests (test/electron/cli, test/electron/services/api). */

/** One import cycle as "a → b → a", or null when there is none. */
export function findCycle(graph: Map<string, string[]>): string | null {
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

/** What a module pulls in at run time: every source file reached through relative imports, and the packages named on the way. */
export interface ImportClosure {
  readonly files: ReadonlySet<string>
  readonly packages: ReadonlySet<string>
}

/**
 * The run-time import closure of `entry` (an absolute .ts path), read from the sources as text:
 * `import type` / `export type` lines are erased by the compiler, so they are left out; relative
 * specifiers resolve to `<path>.ts`, `<path>/index.ts` or the path itself; others are packages.
 */
export async function runtimeImportClosure(entry: string): Promise<ImportClosure> {
  const { readFileSync, existsSync } = await import('node:fs')
  const { dirname, resolve } = await import('node:path')
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = [entry]
  while (pending.length) {
    const file = pending.pop()!
    if (files.has(file)) continue
    files.add(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      if (m[1]) continue
      const spec = m[2]
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
        continue
      }
      const base = resolve(dirname(file), spec)
      const found = [`${base}.ts`, `${base}/index.ts`, base].find((p) => existsSync(p) && /\.(ts|js|mjs)$/.test(p))
      if (found) pending.push(found)
    }
  }
  return { files, packages }
}
