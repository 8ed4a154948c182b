import type { FlatDocument, Region } from '../../../../shared/document/flatten'

/*
 * What a screen reader hears when an entity or key-value is selected (on either side): what it
 * is, its value, and whether and where its box is highlighted on the page.
 */

/** What each kind of entity is called to the reviewer. */
export const kindLabel = { keyValues: 'Key-values', table: 'Table', qrCode: 'QR code', templateBuilderField: 'Template field', unknown: 'Entity' } as const

function whereBox(regions: readonly Region[]): string {
  const drawn = regions.filter((r) => r.page !== null && (r.rect !== null || r.points.length > 0))
  if (drawn.length === 0) return 'It has no box on the page.'
  const pages = [...new Set(drawn.map((r) => r.page))]
  return `Its box is highlighted on page ${pages.join(', ')}.`
}

/** The sentence announced for the selected id (an entity or key-value id); '' when nothing is selected. */
export function selectionAnnouncement(doc: FlatDocument, id: string | null): string {
  if (id === null) return ''
  for (const e of doc.entities) {
    if (e.id === id) {
      const name = e.groupName || e.category || 'entity'
      return `Selected ${kindLabel[e.kind]} “${name}”${e.pageNumber !== null ? ` on page ${e.pageNumber}` : ''}. ${whereBox(e.regions)}`
    }
    const kv = e.keyValues.find((k) => k.id === id)
    if (kv) return `Selected ${kv.category || 'value'}: ${kv.content || '(empty)'}. ${whereBox([kv.region])}`
  }
  return ''
}

/**
 * A short name for what each box on the page belongs to (its accessible name), by entity or
 * key-value id: a key-value's category and content, or an entity's group and kind. One pass
 * over the document, so a 100-page document's thousands of boxes are named at once.
 */
export function targetLabels(doc: FlatDocument): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of doc.entities) {
    out.set(e.id, `${e.groupName || e.category || 'Entity'} (${kindLabel[e.kind]})`)
    for (const kv of e.keyValues) out.set(kv.id, `${kv.category || 'Value'}: ${kv.content || '(empty)'}`)
  }
  return out
}
