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
