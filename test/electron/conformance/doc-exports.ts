/*
 * Export bodies written from the vendor's export documentation alone
 * (docs/api.md#what-the-app-tolerates), in the variations it permits: segment and annotation times
 * in seconds, milliseconds or .NET ticks (integers, "unless otherwise stated, numeric values are
 * integers"), confidences 0..1 or 0..100, every nullable field null, optional lists missing, words
 * without confidence, unknown extra fields, datetimes with 7-digit fractions with and without `Z`.
 * Plain objects: the tests serialise them themselves.
 */

export type Unit = 'seconds' | 'milliseconds' | 'ticks'

const factor: Record<Unit, number> = { seconds: 1, milliseconds: 1000, ticks: 10_000_000 }

/** Seconds in `unit`; ms and ticks are integers as the webhook page says numbers are. */
export function inUnit(seconds: number, unit: Unit): number {
  return unit === 'seconds' ? seconds : Math.round(seconds * factor[unit])
}

/** The spoken words of the small transcript: [speaker, text, start s, end s] per word. */
export const smallWords: ReadonlyArray<readonly [string, string, number, number]> = [
  ['A', 'Good', 0.52, 0.8],
  ['A', 'morning,', 0.8, 1.31],
  ['A', 'everyone.', 1.35, 2.02],
  ['B', 'Thank', 2.9, 3.12],
  ['B', 'you', 3.12, 3.3],
  ['B', 'for', 3.3, 3.45],
  ['B', 'coming', 3.45, 3.9],
  ['B', 'São', 3.95, 4.3],
  ['B', 'Paulo!', 4.3, 4.9],
  ['C', 'Let’s', 6.1, 6.4],
  ['C', 'begin', 6.4, 6.8],
  ['C', '—', 6.8, 6.8],
  ['C', 'now.', 6.85, 7.4]
]

export const speakerGuids: Record<string, string> = {
  A: '90edf137-ea2a-4b59-bf51-45446299d47e',
  B: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  C: 'c56a4180-65aa-42ec-a945-5fd21dec0538'
}

export interface TranscriptVariant {
  unit?: Unit
  confidenceScale?: 1 | 100
  /** Every nullable field null and every optional list left out. */
  sparse?: boolean
  /** Unknown fields at every level. */
  extras?: boolean
  /** Segments in reverse order. */
  unsorted?: boolean
  taskId?: number
  externalId?: string | null
}

/** The small transcript, in the variant asked for. */
export function smallTranscript(v: TranscriptVariant = {}): Record<string, unknown> {
  const unit = v.unit ?? 'seconds'
  const scale = v.confidenceScale ?? 1
  const conf = (c: number) => (scale === 100 ? Math.round(c * 100) : c)
  const turns: Array<{ speaker: string; words: Array<readonly [string, string, number, number]> }> = []
  for (const w of smallWords) {
    const last = turns[turns.length - 1]
    if (last && last.speaker === w[0]) last.words.push(w)
    else turns.push({ speaker: w[0], words: [w] })
  }
  let segments: Array<Record<string, unknown>> = turns.map((turn, k) => {
    const start = turn.words[0][2] - 0.1
    const end = turn.words[turn.words.length - 1][3] + 0.1
    const words = turn.words.map(([, text, s, e], j) => {
      const word: Record<string, unknown> = { text, offsetInSeconds: s, durationInSeconds: Math.round((e - s) * 1000) / 1000 }
      // Sparse: words without confidence at all; otherwise alternate present values.
      if (!v.sparse) word.confidence = conf(0.8 + ((j * 7) % 20) / 100)
      if (v.extras) word.pronunciation = { ipa: null }
      return word
    })
    const seg: Record<string, unknown> = {
      speakerId: speakerGuids[turn.speaker],
      start: inUnit(start, unit),
      end: inUnit(end, unit),
      duration: inUnit(end, unit) - inUnit(start, unit),
      confidence: conf(0.9),
      displayText: turn.words.map((w) => w[1]).join(' '),
      displayWords: words,
      originalWords: v.sparse ? null : words.map((w) => ({ ...w }))
    }
    if (v.sparse) {
      delete seg.duration
      seg.confidence = null
      // The second turn has its text only: its timings must come from somewhere else or be estimated.
      if (k === 1) seg.displayWords = []
    }
    if (v.extras) seg.language = 'en-US'
    return seg
  })
  if (v.unsorted) segments = [...segments].reverse()

  const annotations = [
    {
      uniqueId: 'b7d5c1e0-0000-4000-8000-000000000001',
      content: 'Applause',
      start: inUnit(2.1, unit),
      end: inUnit(2.8, unit),
      createdByUserName: 'reviewer@example.org',
      createdBy: 12,
      createdOn: '2023-08-08T08:55:29.7831583Z',
      modifiedByUserName: 'reviewer@example.org',
      modifiedBy: 12,
      modifiedOn: '2023-08-08T08:55:29.7831583'
    }
  ]
  const transcript: Record<string, unknown> = { transcripts: segments }
  if (!v.sparse) {
    transcript.speakers = [
      { speakerId: speakerGuids.A, speakerName: 'Ana Lima', speakerPrefix: 'Dr.', speakerSuffix: '' },
      { speakerId: speakerGuids.B, speakerName: 'Bruno', speakerPrefix: '', speakerSuffix: 'PhD' }
      // C has no entry: a speakerId with no entry in `speakers` occurs in real exports.
    ]
    transcript.annotations = annotations
  }
  if (v.extras) transcript.version = 3

  const body: Record<string, unknown> = {
    taskId: v.taskId ?? 5001,
    originalFileUrl: v.sparse ? null : 'https://blob.example.net/c/a.mp3?sv=2022-11-02&sig=abc',
    workspaceId: 7,
    batchId: v.sparse ? null : 12,
    taskNumber: null,
    displayName: 'Morning meeting — São Paulo',
    description: v.sparse ? null : 'Weekly',
    totalTimeInSeconds: v.sparse ? 8 : 8,
    lastCheckoutByUserName: null,
    lastCheckedOutBy: null,
    lastCheckedOutUntil: v.sparse ? null : '2025-12-31T09:57:08.824Z',
    lastIntegratedBy: null,
    lastIntegratedByUserName: null,
    lastIntegratedOn: v.sparse ? null : '2022-03-28T14:28:56Z',
    transcript,
    metadata: v.sparse ? {} : { language: 'pt-BR', source: 'upload' }
  }
  if (v.externalId !== undefined) body.externalId = v.externalId
  if (v.extras) {
    body.externalIntegrationStatus = 'never'
    body.someFutureField = { nested: [1, 2, 3] }
  }
  return body
}

/** The tokens the small transcript's text has, in spoken order. */
export function smallTokens(): string[] {
  return smallWords.map((w) => w[1])
}

/** A document export with every nullable field null and an unknown entity type. */
export function sparseDocument(taskId = 6001): Record<string, unknown> {
  const box = { height: 10, width: 50, left: 100, bottom: 210, x: 100, y: 200, right: 150, top: 200 }
  const cell = (row: number, col: number, content: string) => ({
    boundingBox: box,
    points: [{ x: 1, y: 2 }],
    confidence: 97,
    spans: [{ offset: 0, length: content.length }],
    rowIndex: row,
    columnIndex: col,
    content,
    contentNormalized: content,
    pageNumber: 1
  })
  return {
    taskId,
    originalFileUrl: null,
    workspaceId: 9,
    batchId: null,
    taskNumber: null,
    externalId: null,
    displayName: 'Invoice 17',
    description: null,
    totalPages: 2,
    lastCheckoutByUserName: null,
    lastCheckedOutBy: null,
    lastCheckedOutUntil: null,
    chunks: [
      {
        entities: [
          {
            type: 'KeyValues',
            category: 'Invoice',
            groupName: 'Header',
            pageNumber: 1,
            chunkNumber: 0,
            customFormValues: '{"approved":true}',
            qrCode: null,
            table: null,
            templateBuilderField: null,
            keyValues: [
              { boundingBox: null, points: [], confidence: 88, spans: [], pageNumber: 1, category: 'InvoiceNumber', categoryNormalized: 'invoicenumber', content: 'FT 2024/17', contentNormalized: 'FT 2024/17' },
              { boundingBox: box, points: null, confidence: null, spans: null, pageNumber: null, category: 'Total', categoryNormalized: null, content: '1.234,50 €', contentNormalized: null, futureField: true }
            ],
            addedOn: '2023-08-08T08:55:29.7831583Z',
            addedBy: 1,
            addedByExternal: null,
            editedOn: null,
            viewerEditedOn: null,
            editedBy: null,
            editedByExternal: null,
            integratedOn: null,
            integratedBy: null,
            integratedByExternal: null,
            integrationFailedReason: null,
            integrationFailedReasonDetailed: null,
            markedAsSolved: false,
            notDetected: false,
            contentUnderstandingDetected: false,
            confidence: 91
          },
          {
            type: 'Table',
            category: 'Lines',
            groupName: 'Lines',
            pageNumber: 2,
            chunkNumber: 0,
            customFormValues: null,
            qrCode: null,
            templateBuilderField: null,
            keyValues: [],
            table: {
              boundingBox: box,
              points: [],
              confidence: 90,
              spans: [],
              rowCount: 2,
              columnCount: 2,
              tableHeaders: [{ ...cell(0, 0, 'Item'), category: 'Description', categoryNormalized: 'description' }, { ...cell(0, 1, 'Qty'), category: 'Quantity', categoryNormalized: 'quantity' }],
              tableRows: { additionalProp1: [cell(1, 0, 'Widget'), cell(1, 1, '3')], additionalProp2: null },
              boundsAndPoints: [{ pageNumber: 2, boundingBox: box, points: [] }],
              tableRowsTableContent: { additionalProp1: 'Widget 3' },
              hasAlternativeHeaders: false
            }
          },
          { type: 'SomethingNew', category: null, groupName: null, pageNumber: null, chunkNumber: null, customFormValues: null, qrCode: null, table: null, templateBuilderField: null, keyValues: null, confidence: null }
        ],
        version: '1.0',
        retrievedOn: '2023-08-08T08:55:29.7831583',
        lastModifiedBy: 3,
        lastModifiedByExternal: null,
        lastModifiedOn: '2023-08-08T08:55:29Z',
        averageConfidence: 90
      }
    ],
    lastIntegratedBy: null,
    lastIntegratedByUserName: null,
    lastIntegratedOn: null,
    averageConfidence: 90,
    metadata: {}
  }
}
