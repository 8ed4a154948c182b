import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runtimeImportClosure } from '../support/import-graph'

/*
 * A Web Worker's bundle is fetched, parsed and compiled while a long task opens, on a machine
 * whose other core is the page's: the cue-breach worker needs the cutter and QC only. It once
 * imported shared/subtitles/index.ts and with it every writer, the DOCX library and the export
 * validators (748 KB); this keeps those out.
 */

const root = resolve(import.meta.dirname, '../..')
const rel = (path: string) => path.slice(root.length + 1)

describe('what the cue-breach worker bundles', () => {
  it('the cut and QC, no writer, no DOCX library, no validator', async () => {
    const { files, packages } = await runtimeImportClosure(resolve(root, 'renderer/src/lib/cue-breach.worker.ts'))
    const paths = [...files].map(rel)
    expect(paths).toContain('shared/subtitles/planner.ts')
    expect(paths).toContain('shared/subtitles/qc.ts')
    expect(paths.filter((p) => p.startsWith('shared/subtitles/writers/') && !p.endsWith('/speakers.ts'))).toEqual([])
    expect(paths).not.toContain('shared/subtitles/index.ts')
    expect(paths.filter((p) => p.startsWith('shared/api/'))).toEqual([])
    expect([...packages].filter((p) => ['docx', 'zod', 'vue', 'pinia', 'jszip'].includes(p))).toEqual([])
  })
})
