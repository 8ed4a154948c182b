import type { ApiBox } from '../api/document-export'

/*
 * Bounding boxes and points of a document export come without a unit: normalised (0..1),
 * inches (Azure-style PDF analysis) or pixels (image analysis). This module is the ONE place
 * that decides the unit and converts to page fractions, which the page overlay then scales to
 * whatever size the page is drawn at.
 *
 * Deciding the unit, per document, from every coordinate it holds and the page size:
 *   1. every coordinate ≤ 1 (with a little slack)        → normalised;
 *   2. everything fits the page measured in inches       → inches
 *      (page size known: the PDF's points / 72; unknown: ≤ 17 in, the long side of A3/tabloid);
 *   3. otherwise                                         → pixels, of the image's natural size,
 *      or for a PDF of the page rasterised at the smallest common DPI the values fit in.
 */

/** The unit a document's coordinates are in. */
export type CoordinateUnit = 'normalised' | 'inches' | 'pixels'

/** A point as the export gives it. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** An axis-aligned rectangle, top-left origin, in whatever unit the caller says. */
export interface Rect {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** What is known of a page's size: inches for a PDF (points / 72), pixels for an image. */
export interface PageSize {
  readonly widthInches?: number
  readonly heightInches?: number
  readonly pixelWidth?: number
  readonly pixelHeight?: number
}

/** The extent of the page in the document's unit: dividing by it gives page fractions. */
export interface CoordinateSpace {
  readonly unit: CoordinateUnit
  readonly width: number
  readonly height: number
  /** For pixels over a PDF: the DPI assumed. */
  readonly dpi?: number
}

const slack = 1.02
/** Long side of the largest common paper (A3 is 16.54 in, tabloid 17 in). */
const maxPaperInches = 17
const commonDpi = [72, 96, 150, 200, 300, 400, 600]

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** A box as a rectangle (top-left origin), from whichever of its fields are present; null if none fit. */
export function boxToRect(box: ApiBox | null | undefined): Rect | null {
  if (!box) return null
  const left = finite(box.left) ? box.left : finite(box.x) ? box.x : finite(box.right) && finite(box.width) ? box.right - box.width : null
  const top = finite(box.top) ? box.top : finite(box.y) ? box.y : finite(box.bottom) && finite(box.height) ? box.bottom - box.height : null
  if (left === null || top === null) return null
  const width = finite(box.width) ? box.width : finite(box.right) ? box.right - left : null
  if (finite(box.height)) return width === null || width < 0 || box.height < 0 ? null : { left, top, width, height: box.height }
  if (!finite(box.bottom) || width === null || width < 0) return null
  // Without a height, some producers measure y upwards (bottom < top): the box spans both either way.
  return { left, top: Math.min(top, box.bottom), width, height: Math.abs(box.bottom - top) }
}

/** The bounding rectangle of points; null for fewer than one finite point. */
export function pointsToRect(points: readonly Point[] | null | undefined): Rect | null {
  const ok = (points ?? []).filter((p) => finite(p.x) && finite(p.y))
  if (ok.length === 0) return null
  const xs = ok.map((p) => p.x)
  const ys = ok.map((p) => p.y)
  const left = Math.min(...xs)
  const top = Math.min(...ys)
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
}

/** Decides the unit of a document's coordinates (see the header comment for the rule). */
export function detectUnit(extent: { readonly maxX: number; readonly maxY: number }, page: PageSize | null): CoordinateUnit {
  const { maxX, maxY } = extent
  if (!(maxX > 0 || maxY > 0)) return 'normalised'
  if (maxX <= slack && maxY <= slack) return 'normalised'
  if (page?.widthInches && page.heightInches) {
    if (maxX <= page.widthInches * slack && maxY <= page.heightInches * slack) return 'inches'
    return 'pixels'
  }
  // An image page has no inches: the unit is pixels unless the values are small enough for paper.
  return maxX <= maxPaperInches && maxY <= maxPaperInches ? 'inches' : 'pixels'
}

/** The page extent in `unit`, so that coordinates divide into page fractions. */
export function coordinateSpace(unit: CoordinateUnit, page: PageSize | null, extent: { readonly maxX: number; readonly maxY: number }): CoordinateSpace {
  if (unit === 'normalised') return { unit, width: 1, height: 1 }
  if (unit === 'inches') {
    // No page size: assume US Letter, or larger if the values need it.
    const width = page?.widthInches ?? (page?.pixelWidth ? page.pixelWidth / 96 : Math.max(8.5, extent.maxX))
    const height = page?.heightInches ?? (page?.pixelHeight ? page.pixelHeight / 96 : Math.max(11, extent.maxY))
    return { unit, width, height }
  }
  if (page?.pixelWidth && page.pixelHeight) return { unit, width: page.pixelWidth, height: page.pixelHeight }
  if (page?.widthInches && page.heightInches) {
    const w = page.widthInches
    const h = page.heightInches
    const dpi = commonDpi.find((d) => extent.maxX <= w * d * slack && extent.maxY <= h * d * slack) ?? Math.max(extent.maxX / w, extent.maxY / h)
    return { unit, width: w * dpi, height: h * dpi, dpi }
  }
  return { unit, width: Math.max(1, extent.maxX), height: Math.max(1, extent.maxY) }
}

/** A rectangle in the document's unit as fractions (0..1) of the page. */
export function rectToFraction(rect: Rect, space: CoordinateSpace): Rect {
  return { left: rect.left / space.width, top: rect.top / space.height, width: rect.width / space.width, height: rect.height / space.height }
}

/** A point in the document's unit as fractions (0..1) of the page. */
export function pointToFraction(point: Point, space: CoordinateSpace): Point {
  return { x: point.x / space.width, y: point.y / space.height }
}

/** The largest x and y among rectangles and points (what `detectUnit` decides from). */
export function extentOf(rects: readonly (Rect | null)[], points: readonly Point[]): { maxX: number; maxY: number } {
  let maxX = 0
  let maxY = 0
  for (const r of rects) {
    if (!r) continue
    maxX = Math.max(maxX, r.left + r.width)
    maxY = Math.max(maxY, r.top + r.height)
  }
  for (const p of points) {
    if (!finite(p.x) || !finite(p.y)) continue
    maxX = Math.max(maxX, p.x)
    maxY = Math.max(maxY, p.y)
  }
  return { maxX, maxY }
}
