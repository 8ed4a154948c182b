import type { FlatDocument, FlatEntity, Region } from '../../../../shared/document/flatten'
import { t } from '../../i18n'

/*
 * What a screen reader hears when an entity or key-value is selected (on either side): what it
 * is, its value, and whether and where its box is highlighted on the page.
 */

/** What each kind of entity is called to the reviewer, in their language (read when said). */
export function kindLabel(kind: FlatEntity['kind']): string {
  return t(`document.announce.kinds.${kind}`)
}

function whereBox(regions: readonly Region[]): string {
  const drawn = regions.filter((r) => r.page !== null && (r.rect !== null || r.points.length > 0))
  if (drawn.length === 0) return t('document.announce.noBox')
  const pages = [...new Set(drawn.map((r) => r.page))]
  return t('document.announce.boxOnPages', { pages: pages.join(', ') })
}

/** The sentence announced for the selected id (an entity or key-value id); '' when nothing is selected. */
export function selectionAnnouncement(doc: FlatDocument, id: string | null): string {
  if (id === null) return ''
  for (const e of doc.entities) {
    if (e.id === id) {
      const name = e.groupName || e.category || t('document.announce.entity')
      const said = { kind: kindLabel(e.kind), name, where: whereBox(e.regions) }
      return e.pageNumber !== null ? t('document.announce.selectedEntityOnPage', { ...said, page: e.pageNumber }) : t('document.announce.selectedEntity', said)
    }
    const kv = e.keyValues.find((k) => k.id === id)
    if (kv) return t('document.announce.selectedValue', { category: kv.category || t('document.announce.value'), content: kv.content || t('document.empty'), where: whereBox([kv.region]) })
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
    out.set(e.id, `${e.groupName || e.category || t('document.entity')} (${kindLabel(e.kind)})`)
    for (const kv of e.keyValues) out.set(kv.id, `${kv.category || t('document.value')}: ${kv.content || t('document.empty')}`)
  }
  return out
}
