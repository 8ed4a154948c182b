import { loadRealExport, realFixtureNames } from '../fixtures/real-to-export'

/*
 * Seed tasks for the fake API: the real transcript samples converted to the export shape (with
 * the ids their converter gives them: taskId 41001…, externalId "ext-<name>"), a small hand-made
 * transcript with media, and a realistic two-page document task (an invoice with key-values, a
 * line-item table, a QR code and a template-builder field).
 */

/** A task the fake serves: which endpoint answers it, its ids, and the JSON body. */
export interface FakeTask {
  readonly kind: 'transcript' | 'document'
  readonly taskId: number
  readonly externalId: string | null
  /** The export body; `originalFileUrl` is replaced by a signed URL when `mediaFile` is set. */
  readonly body: Record<string, unknown>
  /** Name of a media file (registered with the fake) to sign into `originalFileUrl`. */
  readonly mediaFile?: string
}

/** A workspace as CurrentWorkspaces sends it (smartdocumentor-api.md §5). */
export interface FakeWorkspace {
  workspaceId: number
  tenantId: number
  workspaceName: string
  workspaceDescription: string | null
  isDefault: boolean
  taskType: number
  workspaceType: number
  templateType: number
  /** "May be missing" (§5): left out when undefined. */
  workspaceTemplateName?: string | null
}

/** The seeds' workspaces: 7 for transcripts, 9 for documents (enum numbers are the fake's own picks). */
export function defaultWorkspaces(): FakeWorkspace[] {
  return [
    { workspaceId: 7, tenantId: 3, workspaceName: 'Transcripts', workspaceDescription: 'Interviews and hearings', isDefault: true, taskType: 2, workspaceType: 1, templateType: 5, workspaceTemplateName: 'Transcripts' },
    { workspaceId: 9, tenantId: 3, workspaceName: 'Invoices', workspaceDescription: null, isDefault: false, taskType: 1, workspaceType: 1, templateType: 1, workspaceTemplateName: 'Invoices' }
  ]
}

/** Ids of the hand-made seeds, for tests and the start banner. */
export const seedIds = {
  sample: { taskId: 1001, externalId: 'SDTE-SAMPLE-1' },
  document: { taskId: 2001, externalId: 'INV-2026-0042' }
} as const

/** A short two-speaker transcript (10 s) with word timings; its media is `sample.wav`. */
export function sampleTranscriptTask(): FakeTask {
  const speakerA = '3f1c2a9e-6b7d-4c1e-9a51-0d2f3b4c5a61'
  const speakerB = '8e2d4f60-1a3b-4c5d-8e7f-9a0b1c2d3e4f'
  const words = (startS: number, text: string) =>
    text.split(' ').map((t, i) => ({ text: t, offsetInSeconds: Math.round((startS + i * 0.4) * 1000) / 1000, durationInSeconds: 0.35, confidence: 0.91 }))
  const seg = (speakerId: string, startS: number, text: string) => {
    const w = words(startS, text)
    const end = Math.round((startS + w.length * 0.4) * 1000) / 1000
    return { speakerId, start: startS, end, duration: Math.round((end - startS) * 1000) / 1000, confidence: 0.91, displayText: text, displayWords: w, originalWords: w }
  }
  return {
    kind: 'transcript',
    ...seedIds.sample,
    mediaFile: 'sample.wav',
    body: {
      taskId: seedIds.sample.taskId,
      originalFileUrl: null,
      workspaceId: 7,
      batchId: null,
      taskNumber: 12,
      displayName: 'Sample interview',
      description: 'A short two-speaker sample for the fake API',
      totalTimeInSeconds: 10,
      lastCheckoutByUserName: 'anna.reviewer@example.org',
      lastCheckedOutBy: 17,
      lastCheckedOutUntil: '2026-03-14T10:15:30.1234567Z',
      lastIntegratedBy: null,
      lastIntegratedByUserName: null,
      lastIntegratedOn: null,
      transcript: {
        transcripts: [seg(speakerA, 0.5, 'Good morning and welcome to the review'), seg(speakerB, 4, 'Thank you it is good to be here today')],
        speakers: [
          { speakerId: speakerA, speakerName: 'Interviewer', speakerPrefix: '', speakerSuffix: '' },
          { speakerId: speakerB, speakerName: 'Guest', speakerPrefix: '', speakerSuffix: '' }
        ],
        annotations: []
      },
      metadata: { language: 'en', source: 'fake-api' }
    }
  }
}

/** The real samples as transcript tasks (the 2-hour senate hearing included). */
export function realTranscriptTasks(): FakeTask[] {
  return realFixtureNames.map((name) => {
    const body = loadRealExport(name) as unknown as Record<string, unknown>
    return { kind: 'transcript', taskId: body.taskId as number, externalId: (body.externalId as string | null) ?? null, body }
  })
}

const box = (left: number, top: number, width: number, height: number) => ({
  height, width, left, bottom: top + height, x: left, y: top, right: left + width, top
})
const pts = (left: number, top: number, width: number, height: number) => [
  { x: left, y: top }, { x: left + width, y: top }, { x: left + width, y: top + height }, { x: left, y: top + height }
]
const located = (left: number, top: number, width: number, height: number, confidence: number, offset = 0, length = 0) => ({
  boundingBox: box(left, top, width, height), points: pts(left, top, width, height), confidence, spans: [{ offset, length }]
})
const kv = (page: number, category: string, content: string, normalized: string, at: [number, number, number, number], confidence: number, extra: Record<string, unknown> = {}) => ({
  ...located(...at, confidence), pageNumber: page, category, categoryNormalized: category.toLowerCase().replace(/\s+/g, '_'),
  content, contentNormalized: normalized, ...extra
})
const audit = {
  addedOn: '2026-03-02T08:12:44.5512345Z', addedBy: 0, addedByExternal: 'system',
  editedOn: '2026-03-02T09:40:03Z', viewerEditedOn: '2026-03-02T09:40:03Z', editedBy: 17, editedByExternal: 'anna.reviewer@example.org',
  integratedOn: '2026-03-02T10:00:00Z', integratedBy: 17, integratedByExternal: 'anna.reviewer@example.org',
  integrationFailedReason: '', integrationFailedReasonDetailed: '',
  markedAsSolved: false, notDetected: false, contentUnderstandingDetected: true
}

/** A realistic two-page invoice: header key-values, a line-item table, a QR code and a template field. */
export function documentTask(): FakeTask {
  const cell = (page: number, row: number, col: number, content: string, normalized: string, top: number) => ({
    ...located(0.6 + col * 1.8, top, 1.7, 0.22, 0.95), rowIndex: row, columnIndex: col, content, contentNormalized: normalized, pageNumber: page
  })
  const headers = ['Description', 'Quantity', 'Unit price', 'Amount'].map((h, col) => ({
    ...cell(1, 0, col, h, h.toLowerCase(), 4.1), category: h, categoryNormalized: h.toLowerCase().replace(/\s+/g, '_')
  }))
  const lines: Array<[string, string, string, string]> = [
    ['Transcription, standard turnaround (minutes)', '120', '1.20', '144.00'],
    ['Speaker identification', '120', '0.25', '30.00'],
    ['Subtitle export (SRT, VTT)', '2', '15.00', '30.00']
  ]
  const tableRows: Record<string, unknown[]> = {}
  const tableRowsTableContent: Record<string, string> = {}
  lines.forEach((line, i) => {
    const top = 4.4 + i * 0.3
    tableRows[`row${i + 1}`] = line.map((c, col) => cell(1, i + 1, col, col === 0 ? c : c, col === 0 ? c.toLowerCase() : c, top))
    tableRowsTableContent[`row${i + 1}`] = line.join(' | ')
  })
  const qrKeyValues = [
    kv(2, 'IBAN', 'PT50 0002 0123 1234 5678 9015 4', 'PT50000201231234567890154', [6.2, 8.9, 1.6, 0.2], 0.99, { childTemporaryId: 'qr-1-iban' }),
    kv(2, 'Amount', '250.92', '250.92', [6.2, 9.1, 1.6, 0.2], 0.99, { childTemporaryId: 'qr-1-amount' }),
    kv(2, 'Reference', 'INV-2026-0042', 'INV-2026-0042', [6.2, 9.3, 1.6, 0.2], 0.99, { childTemporaryId: 'qr-1-ref' })
  ]
  const tbfKeyValues = [
    kv(2, 'Approved by', 'M. Costa', 'm. costa', [0.8, 9.6, 2.2, 0.25], 0.81, { childTemporaryId: 'tbf-approval-name' }),
    kv(2, 'Approval date', '05/03/2026', '2026-03-05', [3.2, 9.6, 1.4, 0.25], 0.77, { childTemporaryId: 'tbf-approval-date' })
  ]
  const entities = [
    {
      type: 'keyValues', category: 'Header', groupName: 'Invoice header', pageNumber: 1, chunkNumber: 1,
      customFormValues: '{"costCentre":"CC-114","approved":true}', qrCode: null, table: null, templateBuilderField: null,
      keyValues: [
        kv(1, 'Supplier', 'Transcritas, Lda.', 'transcritas, lda.', [0.6, 0.7, 2.8, 0.3], 0.97),
        kv(1, 'VAT number', 'PT 509 123 456', 'PT509123456', [0.6, 1.05, 1.9, 0.22], 0.93),
        kv(1, 'Invoice number', 'FT 2026/42', 'FT 2026/42', [5.4, 0.7, 1.6, 0.25], 0.98),
        kv(1, 'Invoice date', '02/03/2026', '2026-03-02', [5.4, 1.0, 1.6, 0.25], 0.96),
        kv(1, 'Due date', '01/04/2026', '2026-04-01', [5.4, 1.3, 1.6, 0.25], 0.88)
      ],
      ...audit, confidence: 0.944
    },
    {
      type: 'table', category: 'Line items', groupName: 'Lines', pageNumber: 1, chunkNumber: 1, customFormValues: '',
      qrCode: null, templateBuilderField: null, keyValues: [],
      table: {
        ...located(0.6, 4.1, 7.2, 1.2, 0.92), rowCount: lines.length + 1, columnCount: 4,
        tableHeaders: headers, tableRows,
        boundsAndPoints: [{ pageNumber: 1, boundingBox: box(0.6, 4.1, 7.2, 1.2), points: pts(0.6, 4.1, 7.2, 1.2) }],
        tableRowsTableContent, hasAlternativeHeaders: false
      },
      ...audit, confidence: 0.92
    },
    {
      type: 'keyValues', category: 'Totals', groupName: 'Totals', pageNumber: 2, chunkNumber: 1, customFormValues: '',
      qrCode: null, table: null, templateBuilderField: null,
      keyValues: [
        kv(2, 'Subtotal', '204.00', '204.00', [5.4, 1.0, 1.4, 0.22], 0.97),
        kv(2, 'VAT 23%', '46.92', '46.92', [5.4, 1.3, 1.4, 0.22], 0.95),
        kv(2, 'Total', '250.92 EUR', '250.92', [5.4, 1.6, 1.4, 0.25], 0.99)
      ],
      ...audit, confidence: 0.97
    },
    {
      type: 'qrCode', category: 'Payment', groupName: 'Payment QR', pageNumber: 2, chunkNumber: 1, customFormValues: '',
      table: null, templateBuilderField: null, keyValues: [],
      qrCode: {
        ...located(6.1, 8.8, 1.8, 1.8, 0.99), keyValues: qrKeyValues,
        qrCodeContent: 'IBAN:PT50000201231234567890154*AMT:250.92*REF:INV-2026-0042*XX:1',
        invalidKeysCount: 1, duplicatedKeys: []
      },
      ...audit, confidence: 0.99
    },
    {
      type: 'templateBuilderField', category: 'Approval', groupName: 'Approval stamp', pageNumber: 2, chunkNumber: 1, customFormValues: '',
      qrCode: null, table: null, keyValues: [],
      templateBuilderField: {
        ...located(0.6, 9.4, 4.4, 0.8, 0.79), fieldUniqueId: 'a7c1e0f2-55b4-4bd6-9a33-2c8f1d4e6b70', type: 'stamp',
        keyValues: tbfKeyValues,
        table: {
          rowCount: 1, columnCount: 2,
          tableHeaders: [
            { ...cell(2, 0, 0, 'Signer', 'signer', 9.4), category: 'Signer', categoryNormalized: 'signer', uniqueId: 'h-signer', fieldType: 0, isRequired: true },
            { ...cell(2, 0, 1, 'Role', 'role', 9.4), category: 'Role', categoryNormalized: 'role', uniqueId: 'h-role', fieldType: 0, isRequired: false }
          ],
          tableRows: {
            row1: [
              { ...cell(2, 1, 0, 'M. Costa', 'm. costa', 9.7), uniqueId: 'c-1-0', headerId: 'h-signer' },
              { ...cell(2, 1, 1, 'Finance', 'finance', 9.7), uniqueId: 'c-1-1', headerId: 'h-role' }
            ]
          }
        }
      },
      ...audit, confidence: 0.79
    }
  ]
  return {
    kind: 'document',
    ...seedIds.document,
    body: {
      taskId: seedIds.document.taskId,
      originalFileUrl: null,
      workspaceId: 9,
      batchId: 512,
      taskNumber: 42,
      externalId: seedIds.document.externalId,
      displayName: 'Invoice FT 2026-42 (Transcritas)',
      description: 'Supplier invoice, two pages',
      totalPages: 2,
      lastCheckoutByUserName: 'anna.reviewer@example.org',
      lastCheckedOutBy: 17,
      lastCheckedOutUntil: '2026-03-02T11:00:00Z',
      chunks: [
        {
          entities, version: '2.1', retrievedOn: '2026-03-02T08:12:40.1234567Z',
          lastModifiedBy: 17, lastModifiedByExternal: 'anna.reviewer@example.org', lastModifiedOn: '2026-03-02T09:40:03Z',
          averageConfidence: 0.924
        }
      ],
      lastIntegratedBy: 17,
      lastIntegratedByUserName: 'anna.reviewer@example.org',
      lastIntegratedOn: '2026-03-02T10:00:00Z',
      averageConfidence: 0.924,
      metadata: { supplier: 'Transcritas, Lda.', costCentre: 'CC-114' }
    }
  }
}

/** Every default seed: the small sample, the document, and the real samples. */
export function defaultSeeds(): FakeTask[] {
  return [sampleTranscriptTask(), documentTask(), ...realTranscriptTasks()]
}

/** A mono 16-bit PCM WAV with a quiet tone, `seconds` long; media for the sample task. */
export function makeToneWav(seconds: number, sampleRate = 8000): Uint8Array {
  const samples = Math.round(seconds * sampleRate)
  const buffer = new ArrayBuffer(44 + samples * 2)
  const view = new DataView(buffer)
  const ascii = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)))
  ascii(0, 'RIFF'); view.setUint32(4, 36 + samples * 2, true); ascii(8, 'WAVE')
  ascii(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true)
  view.setUint32(24, sampleRate, true); view.setUint32(28, sampleRate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true)
  ascii(36, 'data'); view.setUint32(40, samples * 2, true)
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), true)
  return new Uint8Array(buffer)
}
