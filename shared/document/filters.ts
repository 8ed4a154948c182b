import type { FlatEntity, FlatKeyValue, Grid, GridCell } from './flatten'

/*
 * The pane's filters: free text (content, normalised content, category, group; case- and
 * accent-insensitive), one category, and confidence. A value with no confidence is neither low
 * nor high: it shows only when confidence is not filtered.
 */

/** Which confidences to show. */
export type ConfidenceFilter = 'all' | 'low' | 'high'

/** The pane's filter state. */
export interface DocumentFilter {
  readonly text: string
  /** A key-value category (or entity category); null for all. */
  readonly category: string | null
  readonly confidence: ConfidenceFilter
  /** Below this (0..1) a confidence is low. */
  readonly lowThreshold: number
}

/** The default low-confidence threshold. */
export const defaultLowThreshold = 0.8

/** No filtering. */
export const emptyFilter: DocumentFilter = { text: '', category: null, confidence: 'all', lowThreshold: defaultLowThreshold }

/** Lower case without accents, for matching "Descrição" with "descricao". */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

/** Whether a confidence (0..1 or null) is low. */
export function isLowConfidence(confidence: number | null, threshold = defaultLowThreshold): boolean {
  return confidence !== null && confidence < threshold
}

function confidenceMatches(confidence: number | null, filter: DocumentFilter): boolean {
  if (filter.confidence === 'all') return true
  if (confidence === null) return false
  return filter.confidence === 'low' ? confidence < filter.lowThreshold : confidence >= filter.lowThreshold
}

/** Whether a key-value passes the filter. */
export function keyValueMatches(kv: FlatKeyValue, filter: DocumentFilter, groupName = ''): boolean {
  if (filter.category !== null && kv.category !== filter.category) return false
  if (!confidenceMatches(kv.confidence, filter)) return false
  const q = fold(filter.text.trim())
  if (!q) return true
  return [kv.category, kv.content, kv.contentNormalized, groupName].some((s) => fold(s).includes(q))
}

/** Whether a grid cell passes the text and confidence parts of the filter. */
export function cellMatches(cell: GridCell | null, filter: DocumentFilter, header = ''): boolean {
  if (!cell) return false
  if (!confidenceMatches(cell.confidence, filter)) return false
  const q = fold(filter.text.trim())
  return !q || [cell.content, cell.contentNormalized, header].some((s) => fold(s).includes(q))
}

/** The grid's rows that have at least one matching cell (all rows when nothing is filtered). */
export function filterGridRows(grid: Grid, filter: DocumentFilter): Grid['rows'] {
  if (!filter.text.trim() && filter.confidence === 'all') return grid.rows
  return grid.rows.filter((row) => row.cells.some((c, i) => cellMatches(c, filter, grid.headers[i]?.text ?? '')))
}

/** The entity's key-values that pass the filter. */
export function filterKeyValues(entity: FlatEntity, filter: DocumentFilter): FlatKeyValue[] {
  return entity.keyValues.filter((kv) => keyValueMatches(kv, filter, entity.groupName))
}

// Entities are immutable once flattened, so each one's folded text is computed once.
const searchKeys = new WeakMap<FlatEntity, string>()

/**
 * Every text the text filter looks at for an entity (its names, key-values, QR content, grid
 * cells and headers), folded and joined by a separator no query contains: when the query is
 * not in it, no part of the entity can match, so a keystroke rejects most entities with one
 * `includes` instead of folding thousands of strings again.
 */
export function searchKeyOf(entity: FlatEntity): string {
  let key = searchKeys.get(entity)
  if (key !== undefined) return key
  const parts: string[] = [entity.groupName, entity.category, entity.qrCode?.content ?? '']
  for (const kv of entity.keyValues) parts.push(kv.category, kv.content, kv.contentNormalized)
  if (entity.grid) {
    for (const h of entity.grid.headers) parts.push(h.text)
    for (const row of entity.grid.rows) for (const c of row.cells) if (c) parts.push(c.content, c.contentNormalized)
  }
  key = fold(parts.join('\u0000'))
  searchKeys.set(entity, key)
  return key
}

/** Whether an entity has anything left to show under the filter. */
export function entityMatches(entity: FlatEntity, filter: DocumentFilter): boolean {
  const text = fold(filter.text.trim())
  // Exact shortcut: every text test below looks for the query inside one of these strings.
  if (text && !searchKeyOf(entity).includes(text)) return false
  const categoryOk = filter.category === null || entity.category === filter.category
  if (categoryOk && filter.category !== null && !filter.text.trim() && filter.confidence === 'all') return true
  if (filterKeyValues(entity, filter).length > 0) return true
  if (!categoryOk) return false
  if (entity.grid && filterGridRows(entity.grid, filter).length > 0 && (filter.text.trim() || filter.confidence !== 'all')) return true
  if (!filter.text.trim() && filter.confidence === 'all') return true
  // The entity itself: its own confidence and names.
  if (!confidenceMatches(entity.confidence, filter)) return false
  const q = fold(filter.text.trim())
  return !q || [entity.groupName, entity.category, entity.qrCode?.content ?? ''].some((s) => fold(s).includes(q))
}

/** Every category in the document (key-value and entity categories), sorted, for the category picker. */
export function categoriesOf(entities: readonly FlatEntity[]): string[] {
  const set = new Set<string>()
  for (const e of entities) {
    if (e.category) set.add(e.category)
    for (const kv of e.keyValues) if (kv.category) set.add(kv.category)
  }
  return [...set].sort((a, b) => a.localeCompare(b))
}
