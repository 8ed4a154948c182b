import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseDocumentExportText, parseTranscriptExport, readTranscriptExportFile } from '../../../../electron/services/files/read-export-file'

const transcript = { taskId: 7, displayName: 'Task', totalTimeInSeconds: 2, transcript: { transcripts: [], speakers: [], annotations: [] }, metadata: {} }

describe('read-export-file: JSON text of saved exports', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdte-read-export-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads a transcript export saved with a byte order mark', async () => {
    const path = join(dir, 'bom.json')
    await writeFile(path, '\uFEFF' + JSON.stringify(transcript), 'utf8')
    const file = await readTranscriptExportFile(path)
    expect(file.fileName).toBe('bom.json')
    expect(file.data.taskId).toBe(7)
  })

  it('names the file when the text is not JSON, for transcripts and documents alike', () => {
    expect(() => parseTranscriptExport('{oops', 'a.json')).toThrow(/^a\.json is not valid JSON \(.+\)\.$/)
    expect(() => parseDocumentExportText('\uFEFF{oops', 'b.json')).toThrow(/^b\.json is not valid JSON \(.+\)\.$/)
  })

  it('skips the byte order mark of a document export before validating it', () => {
    // Past the JSON step: the error is the schema's, not "not valid JSON".
    expect(() => parseDocumentExportText('\uFEFF{}', 'c.json')).toThrow(/document export/)
  })
})
