import type { ApiCell, ApiEntity, ApiKeyValue, ApiHeaderCell, DocumentExport } from '../api/document-export'
import { boxToRect, pointsToRect } from './coordinates'
import type { Point, Rect } from './coordinates'
import { notice, type Notice } from '../i18n/notices'

/*
 * The document export flattened into what the pane shows: entities with stable ids, their
 * key-values (including those inside QR codes and template fields), tables as grids, each
 * entity's history, and the task's facts. Pure and total: any schema-valid export — missing
 * tables, null boxes, unknown entity types — flattens without throwing; what cannot be shown
 * is dropped with a warning instead.
 */

/** What an entity is, from its `type` (case-insensitive) or, failing that, from what it carries. */
export type EntityKind = 'keyValues' | 'table' | 'qrCode' | 'templateBuilderField' | 'unknown'

/** Where something is on the page, in the document's own (undetected) unit. */
export interface Region {
  readonly page: number | null
  readonly rect: Rect | null
  readonly points: readonly Point[]
}

/** One key-value, wherever it came from. */
export interface FlatKeyValue {
  readonly id: string
  readonly entityId: string
  readonly source: 'entity' | 'qrCode' | 'templateBuilderField'
  readonly category: string
  readonly categoryNormalized: string
  readonly content: string
  readonly contentNormalized: string
  /** 0..1, or null when the export gives none. */
  readonly confidence: number | null
  readonly pageNumber: number | null
  readonly region: Region
}

/** One cell of a grid. */
export interface GridCell {
  readonly id: string
  readonly content: string
  readonly contentNormalized: string
  readonly confidence: number | null
  readonly region: Region
}

/** One column header of a grid. */
export interface GridHeader {
  readonly text: string
  readonly category: string
  /** Template-builder columns say whether they are required. */
  readonly required: boolean | null
}

/** A table as a grid: headers and rows of cells placed by column index. */
export interface Grid {
  readonly id: string
  readonly entityId: string
  readonly source: 'table' | 'templateBuilderField'
  readonly headers: readonly GridHeader[]
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: ReadonlyArray<GridCell | null> }>
  readonly hasAlternativeHeaders: boolean
  readonly columnCount: number
}

/** One thing that happened to an entity. */
export interface HistoryEvent {
  readonly what: 'added' | 'edited' | 'viewer-edited' | 'integrated'
  readonly by: string | null
  readonly at: string
}

/** An entity's history and review flags. */
export interface EntityHistory {
  readonly events: readonly HistoryEvent[]
  readonly solved: boolean
  readonly notDetected: boolean
  readonly contentUnderstanding: boolean
  readonly integrationFailure: { readonly reason: string; readonly detailed: string } | null
}

/** One entity as the pane shows it. */
export interface FlatEntity {
  readonly id: string
  readonly chunkIndex: number
  readonly kind: EntityKind
  readonly rawType: string
  readonly category: string
  readonly groupName: string
  readonly pageNumber: number | null
  readonly confidence: number | null
  readonly keyValues: readonly FlatKeyValue[]
  readonly grid: Grid | null
  readonly qrCode: { readonly content: string; readonly invalidKeysCount: number; readonly duplicatedKeys: readonly string[] } | null
  readonly template: { readonly fieldUniqueId: string; readonly type: string } | null
  /** Parsed when it is JSON text, the object when the export sent one, else the text itself, else null. */
  readonly customFormValues: unknown
  readonly history: EntityHistory
  /** The entity's own outline(s): the table/QR code/template field, one per page. */
  readonly regions: readonly Region[]
}

/** One processing chunk. */
export interface FlatChunk {
  readonly index: number
  readonly version: string
  readonly retrievedOn: string
  readonly lastModifiedBy: string
  readonly lastModifiedOn: string
  readonly averageConfidence: number | null
  readonly entityIds: readonly string[]
}

/** The task facts a flattened document carries, in the order the metadata panel shows them. */
export type DocumentFactKey = 'task' | 'taskNumber' | 'externalId' | 'workspace' | 'batch' | 'description' | 'pages' | 'averageConfidence' | 'lastCheckout' | 'checkedOutUntil' | 'lastIntegration'

/** The whole document, flattened. */
export interface FlatDocument {
  readonly taskId: number
  readonly displayName: string
  readonly totalPages: number
  readonly chunks: readonly FlatChunk[]
  readonly entities: readonly FlatEntity[]
  readonly keyValues: readonly FlatKeyValue[]
  readonly grids: readonly Grid[]
  /** Task facts as key → value, for the metadata panel (the renderer names each key in the reviewer's language). */
  readonly facts: ReadonlyArray<readonly [DocumentFactKey, string]>
  readonly metadata: ReadonlyArray<readonly [string, string]>
  /** Whether confidences were given out of 100 (and divided). */
  readonly confidenceScale: 1 | 100
  /** What could not be shown as it came (codes the renderer translates; noticeText for English). */
  readonly warnings: readonly Notice[]
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '')
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const arr = <T>(v: readonly T[] | null | undefined): readonly T[] => (Array.isArray(v) ? v : [])

/** The kind of an entity (see `EntityKind`). */
export function entityKind(entity: ApiEntity): EntityKind {
  const t = text(entity.type).replace(/[\s_-]/g, '').toLowerCase()
  if (t === 'keyvalues' || t === 'keyvalue') return 'keyValues'
  if (t === 'table') return 'table'
  if (t === 'qrcode') return 'qrCode'
  if (t === 'templatebuilderfield' || t === 'templatefield') return 'templateBuilderField'
  if (t) return 'unknown'
  if (entity.table) return 'table'
  if (entity.qrCode) return 'qrCode'
  if (entity.templateBuilderField) return 'templateBuilderField'
  return arr(entity.keyValues).length > 0 ? 'keyValues' : 'unknown'
}

/** 1 when every confidence is within 0..1, else 100 (decided once per document). */
export function detectDocumentConfidenceScale(exp: DocumentExport): 1 | 100 {
  let max = 0
  const see = (v: unknown) => {
    const n = num(v)
    if (n !== null && n > max) max = n
  }
  see(exp.averageConfidence)
  for (const chunk of arr(exp.chunks)) {
    see(chunk.averageConfidence)
    for (const e of arr(chunk.entities)) {
      see(e.confidence)
      for (const kv of [...arr(e.keyValues), ...arr(e.qrCode?.keyValues), ...arr(e.templateBuilderField?.keyValues)]) see(kv.confidence)
      for (const row of Object.values(e.table?.tableRows ?? {})) for (const c of arr(row)) see(c.confidence)
    }
  }
  return max > 1.0001 ? 100 : 1
}

function regionOf(page: unknown, located: { boundingBox?: unknown; points?: unknown } | null | undefined): Region {
  const points = arr(located?.points as Point[] | null).filter((p) => num(p?.x) !== null && num(p?.y) !== null)
  const rect = boxToRect(located?.boundingBox as never) ?? pointsToRect(points)
  return { page: num(page), rect, points }
}

/** Flattens a document export (never throws on a schema-valid export). */
export function flattenDocument(exp: DocumentExport): FlatDocument {
  const steps = flattenDocumentSteps(exp)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The same flattening as steps: it yields after each entity, so the renderer can run it in
 * slices (runInSlices) and a 1,000-entity export never holds the thread for its whole length.
 */
export function* flattenDocumentSteps(exp: DocumentExport): Generator<void, FlatDocument, void> {
  const scale = detectDocumentConfidenceScale(exp)
  const conf = (v: unknown): number | null => {
    const n = num(v)
    return n === null ? null : Math.min(1, Math.max(0, n / scale))
  }
  const warnings: Notice[] = []
  const entities: FlatEntity[] = []
  const keyValues: FlatKeyValue[] = []
  const grids: Grid[] = []
  const chunks: FlatChunk[] = []

  const flatKv = (kv: ApiKeyValue, entityId: string, source: FlatKeyValue['source'], id: string, entityPage: number | null): FlatKeyValue => ({
    id,
    entityId,
    source,
    category: text(kv.category),
    categoryNormalized: text(kv.categoryNormalized),
    content: text(kv.content),
    contentNormalized: text(kv.contentNormalized),
    confidence: conf(kv.confidence),
    pageNumber: num(kv.pageNumber) ?? entityPage,
    region: regionOf(num(kv.pageNumber) ?? entityPage, kv)
  })

  const makeGrid = (
    id: string,
    entityId: string,
    source: Grid['source'],
    table: { tableHeaders?: ReadonlyArray<ApiHeaderCell & { isRequired?: boolean | null }> | null; tableRows?: Record<string, ReadonlyArray<ApiCell> | null> | null; columnCount?: number | null; hasAlternativeHeaders?: boolean | null },
    entityPage: number | null
  ): Grid => {
    const headerCells = [...arr(table.tableHeaders)].filter((h) => h && typeof h === 'object').sort((a, b) => (num(a.columnIndex) ?? 0) - (num(b.columnIndex) ?? 0))
    const rowEntries = Object.entries(table.tableRows ?? {}).map(([key, cells]) => ({ key, cells: arr(cells).filter((c) => c && typeof c === 'object') }))
    // Rows in the order of their cells' row index; keys are only labels (the example keys are placeholders).
    const rowIndex = (cells: readonly ApiCell[]) => Math.min(...cells.map((c) => num(c.rowIndex) ?? Number.POSITIVE_INFINITY))
    rowEntries.sort((a, b) => rowIndex(a.cells) - rowIndex(b.cells))
    let maxCol = -1
    for (const h of headerCells) maxCol = Math.max(maxCol, num(h.columnIndex) ?? -1)
    for (const r of rowEntries) for (const c of r.cells) maxCol = Math.max(maxCol, num(c.columnIndex) ?? -1)
    const columnCount = Math.max(maxCol + 1, num(table.columnCount) ?? 0, headerCells.length)
    const headers: GridHeader[] = Array.from({ length: columnCount }, (_, col) => {
      const h = headerCells.find((c) => c.columnIndex === col)
      return { text: text(h?.content) || text(h?.category) || `Column ${col + 1}`, category: text(h?.category), required: typeof h?.isRequired === 'boolean' ? h.isRequired : null }
    })
    const rows = rowEntries.map(({ key, cells }) => ({
      key,
      cells: Array.from({ length: columnCount }, (_, col): GridCell | null => {
        const c = cells.find((cell) => cell.columnIndex === col)
        if (!c) return null
        return { id: `${id}:${key}:${col}`, content: text(c.content), contentNormalized: text(c.contentNormalized), confidence: conf(c.confidence), region: regionOf(num(c.pageNumber) ?? entityPage, c) }
      })
    }))
    return { id, entityId, source, headers, rows, hasAlternativeHeaders: table.hasAlternativeHeaders === true, columnCount }
  }

  for (const [chunkIndex, chunk] of arr(exp.chunks).entries()) {
    const entityIds: string[] = []
    for (const [entityIndex, entity] of arr(chunk?.entities).entries()) {
      if (!entity || typeof entity !== 'object') {
        warnings.push(notice('document.not-an-object', { chunk: chunkIndex + 1, entity: entityIndex + 1 }))
        continue
      }
      const id = `e${chunkIndex}.${entityIndex}`
      entityIds.push(id)
      const kind = entityKind(entity)
      if (kind === 'unknown' && text(entity.type)) warnings.push(notice('document.unknown-type', { name: text(entity.groupName) || id, type: text(entity.type) }))
      const page = num(entity.pageNumber)
      const kvs: FlatKeyValue[] = []
      arr(entity.keyValues).forEach((kv, i) => kv && kvs.push(flatKv(kv, id, 'entity', `${id}.kv${i}`, page)))
      arr(entity.qrCode?.keyValues).forEach((kv, i) => kv && kvs.push(flatKv(kv, id, 'qrCode', `${id}.qr${i}`, page)))
      arr(entity.templateBuilderField?.keyValues).forEach((kv, i) => kv && kvs.push(flatKv(kv, id, 'templateBuilderField', `${id}.tf${i}`, page)))
      keyValues.push(...kvs)

      let grid: Grid | null = null
      if (entity.table) grid = makeGrid(`${id}.table`, id, 'table', entity.table, page)
      else if (entity.templateBuilderField?.table) grid = makeGrid(`${id}.table`, id, 'templateBuilderField', entity.templateBuilderField.table, page)
      else if (kind === 'table') warnings.push(notice('document.table-without-data', { name: text(entity.groupName) || id }))
      if (grid) grids.push(grid)

      const regions: Region[] = []
      const bounds = arr(entity.table?.boundsAndPoints)
      if (bounds.length > 0) for (const b of bounds) regions.push(regionOf(num(b?.pageNumber) ?? page, b))
      else if (entity.table) regions.push(regionOf(page, entity.table))
      if (entity.qrCode) regions.push(regionOf(page, entity.qrCode))
      if (entity.templateBuilderField) regions.push(regionOf(page, entity.templateBuilderField))

      const events: HistoryEvent[] = []
      const by = (name: unknown, userId: unknown) => text(name) || (num(userId) !== null ? `user ${num(userId)}` : null)
      if (text(entity.addedOn)) events.push({ what: 'added', by: by(entity.addedByExternal, entity.addedBy), at: text(entity.addedOn) })
      if (text(entity.editedOn)) events.push({ what: 'edited', by: by(entity.editedByExternal, entity.editedBy), at: text(entity.editedOn) })
      if (text(entity.viewerEditedOn) && entity.viewerEditedOn !== entity.editedOn) events.push({ what: 'viewer-edited', by: null, at: text(entity.viewerEditedOn) })
      if (text(entity.integratedOn)) events.push({ what: 'integrated', by: by(entity.integratedByExternal, entity.integratedBy), at: text(entity.integratedOn) })
      const failed = text(entity.integrationFailedReason) || text(entity.integrationFailedReasonDetailed)

      entities.push({
        id,
        chunkIndex,
        kind,
        rawType: text(entity.type),
        category: text(entity.category),
        groupName: text(entity.groupName),
        pageNumber: page,
        confidence: conf(entity.confidence),
        keyValues: kvs,
        grid,
        qrCode: entity.qrCode
          ? { content: text(entity.qrCode.qrCodeContent), invalidKeysCount: num(entity.qrCode.invalidKeysCount) ?? 0, duplicatedKeys: arr(entity.qrCode.duplicatedKeys).map(text) }
          : null,
        template: entity.templateBuilderField ? { fieldUniqueId: text(entity.templateBuilderField.fieldUniqueId), type: text(entity.templateBuilderField.type) } : null,
        customFormValues: parseCustomFormValues(entity.customFormValues),
        history: {
          events,
          solved: entity.markedAsSolved === true,
          notDetected: entity.notDetected === true,
          contentUnderstanding: entity.contentUnderstandingDetected === true,
          integrationFailure: failed ? { reason: text(entity.integrationFailedReason), detailed: text(entity.integrationFailedReasonDetailed) } : null
        },
        regions
      })
      yield
    }
    chunks.push({
      index: chunkIndex,
      version: text(chunk?.version),
      retrievedOn: text(chunk?.retrievedOn),
      lastModifiedBy: text(chunk?.lastModifiedByExternal) || (num(chunk?.lastModifiedBy) !== null ? `user ${num(chunk?.lastModifiedBy)}` : ''),
      lastModifiedOn: text(chunk?.lastModifiedOn),
      averageConfidence: conf(chunk?.averageConfidence),
      entityIds
    })
  }

  const maxPage = Math.max(0, ...entities.map((e) => e.pageNumber ?? 0), ...keyValues.map((k) => k.pageNumber ?? 0))
  const fact = (key: DocumentFactKey, v: unknown): [DocumentFactKey, string] => [key, text(v) || '—']
  const avg = conf(exp.averageConfidence)
  return {
    taskId: exp.taskId,
    // Empty when the export gives none: the pane names it in the reviewer's language.
    displayName: text(exp.displayName),
    totalPages: Math.max(num(exp.totalPages) ?? 0, maxPage),
    chunks,
    entities,
    keyValues,
    grids,
    facts: [
      fact('task', exp.taskId),
      fact('taskNumber', exp.taskNumber),
      fact('externalId', exp.externalId),
      fact('workspace', exp.workspaceId),
      fact('batch', exp.batchId),
      fact('description', exp.description),
      fact('pages', exp.totalPages),
      fact('averageConfidence', avg === null ? '' : `${Math.round(avg * 100)}%`),
      // Who and until when as two facts: no English word between them (the renderer names each).
      fact('lastCheckout', exp.lastCheckoutByUserName),
      fact('checkedOutUntil', exp.lastCheckedOutUntil),
      fact('lastIntegration', [text(exp.lastIntegratedByUserName), text(exp.lastIntegratedOn)].filter(Boolean).join(' · '))
    ],
    metadata: Object.entries(exp.metadata ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''] as const),
    confidenceScale: scale,
    warnings
  }
}

function parseCustomFormValues(value: unknown): unknown {
  if (value !== null && typeof value === 'object') return value
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

/** Entities grouped by group name, then category, in document order. */
export function groupEntities(entities: readonly FlatEntity[]): Array<{ groupName: string; categories: Array<{ category: string; entities: FlatEntity[] }> }> {
  const groups: Array<{ groupName: string; categories: Array<{ category: string; entities: FlatEntity[] }> }> = []
  for (const e of entities) {
    const name = e.groupName || '(no group)'
    let g = groups.find((x) => x.groupName === name)
    if (!g) groups.push((g = { groupName: name, categories: [] }))
    const cat = e.category || '(no category)'
    let c = g.categories.find((x) => x.category === cat)
    if (!c) g.categories.push((c = { category: cat, entities: [] }))
    c.entities.push(e)
  }
  return groups
}
