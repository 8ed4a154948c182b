import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/*
 * Where the A/B benchmarks find "the old way": a built renderer of an earlier commit. The env
 * variable wins; otherwise the session's read-only builds (f05d3b5 at /work/before, main at
 * session start at /work/base), then a sibling `before/` checkout beside this clone. A fresh
 * clone has none of these: the A/B benchmarks then measure ours alone and say why (`noOldBuild`),
 * instead of failing the whole module.
 */

const repoRoot = resolve(import.meta.dirname, '../..')

/** Candidate old renderer folders, in the order they are tried. */
export function oldRendererCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const named = env['SDTE_BENCH_OLD_RENDERER_DIR']
  if (named) return [named]
  return ['/work/before/out/renderer', '/work/base/out/renderer', resolve(repoRoot, '../before/out/renderer')]
}

/** The first old renderer build that exists (its index.html is there), or null. */
export function findOldRenderer(env: NodeJS.ProcessEnv = process.env): string | null {
  return oldRendererCandidates(env).find((dir) => existsSync(join(dir, 'index.html'))) ?? null
}

/** The line printed when no old build is found: which folders were tried and how to name one. */
export function noOldBuild(env: NodeJS.ProcessEnv = process.env): string {
  return `no old build found (tried ${oldRendererCandidates(env).join(', ')}); set SDTE_BENCH_OLD_RENDERER_DIR to a built out/renderer of an earlier commit for the "old way" columns`
}
