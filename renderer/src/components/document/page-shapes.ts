import { coordinateSpace, detectUnit, extentOf, pointToFraction, rectToFraction } from '../../../../shared/document/coordinates'
import type { CoordinateUnit, PageSize, Point, Rect } from '../../../../shared/document/coordinates'
import type { FlatDocument, Region } from '../../../../shared/document/flatten'

/** One outline to draw over a page, in page fractions (0..1). */
export interface PageShape {
  readonly key: string
  /** What clicking it selects: an entity id or a key-value id. */
  readonly targetId: string
  readonly entityId: string
  readonly page: number
  readonly rect: Rect | null
  readonly points: readonly Point[]
  readonly kind: 'entity' | 'keyValue'
}

/** Every region in the document, with what it belongs to. */
function regionsOf(doc: FlatDocument): Array<{ key: string; targetId: string; entityId: string; region: Region; kind: PageShape['kind'] }> {
  const out: Array<{ key: string; targetId: string; entityId: string; region: Region; kind: PageShape['kind'] }> = []
  for (const e of doc.entities) {
    e.regions.forEach((region, i) => out.push({ key: `${e.id}#${i}`, targetId: e.id, entityId: e.id, region, kind: 'entity' }))
    for (const kv of e.keyValues) out.push({ key: kv.id, targetId: kv.id, entityId: e.id, region: kv.region, kind: 'keyValue' })
  }
  return out
}

/** The unit decided for the document (by `detectUnit`, from all its regions and the first page's size). */
export function documentUnit(doc: FlatDocument, firstPage: PageSize | null): CoordinateUnit {
  const regions = regionsOf(doc).map((r) => r.region)
  return detectUnit(extentOf(regions.map((r) => r.rect), regions.flatMap((r) => r.points)), firstPage)
}

/** The shapes to draw, converted to page fractions with each page's own size. */
export function pageShapes(doc: FlatDocument, pageSizes: ReadonlyMap<number, PageSize>): PageShape[] {
  const all = regionsOf(doc)
  const regions = all.map((r) => r.region)
  const extent = extentOf(regions.map((r) => r.rect), regions.flatMap((r) => r.points))
  const unit = detectUnit(extent, pageSizes.get(1) ?? null)
  const shapes: PageShape[] = []
  for (const { key, targetId, entityId, region, kind } of all) {
    // A region with no page belongs to the first page only when the document has one page.
    const page = region.page ?? (pageSizes.size === 1 ? 1 : null)
    if (page === null || (!region.rect && region.points.length === 0)) continue
    const size = pageSizes.get(page)
    if (!size) continue
    const space = coordinateSpace(unit, size, extent)
    shapes.push({
      key, targetId, entityId, page, kind,
      rect: region.rect ? rectToFraction(region.rect, space) : null,
      points: region.points.map((p) => pointToFraction(p, space))
    })
  }
  return shapes
}

/**
 * The boxes a keyboard walks through, in reading order: by page, then top to bottom in bands of
 * 1% of the page's height (so boxes on one line go left to right), then left to right.
 */
export function boxesInReadingOrder(shapes: readonly PageShape[]): PageShape[] {
  const band = (s: PageShape) => Math.round((s.rect?.top ?? 0) * 100)
  return shapes.filter((s) => s.rect !== null).sort((a, b) => a.page - b.page || band(a) - band(b) || a.rect!.left - b.rect!.left || a.key.localeCompare(b.key))
}

/** True when the selection (an entity or key-value id) is this shape's: its own, or a key-value's entity selected whole. */
export function shapeSelected(shape: PageShape, selectedId: string | null): boolean {
  return selectedId !== null && (shape.targetId === selectedId || (shape.kind === 'keyValue' && shape.entityId === selectedId))
}
