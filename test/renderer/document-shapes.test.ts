import { describe, expect, it } from 'vitest'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument } from '../../shared/document/flatten'
import { boxesInReadingOrder, documentUnit, pageShapes } from '../../renderer/src/components/document/page-shapes'
import { targetLabels } from '../../renderer/src/components/document/announce'
import { documentTask } from '../fake-api/seeds'

/* The overlay's shapes: each region on its own page, in page fractions, whatever the unit. */

const letter = { widthInches: 8.5, heightInches: 11 }
const round = (v: number) => Math.round(v * 1e6) / 1e6

describe('pageShapes', () => {
  it('the seed invoice (inches on Letter PDF pages): every key-value on its page at its place', () => {
    const doc = flattenDocument(documentExportSchema.parse(documentTask().body))
    const sizes = new Map([[1, letter], [2, letter]])
    expect(documentUnit(doc, letter)).toBe('inches')
    const shapes = pageShapes(doc, sizes)
    const total = shapes.find((s) => s.kind === 'keyValue' && doc.keyValues.find((k) => k.id === s.targetId)?.category === 'Total')!
    expect(total.page).toBe(2)
    expect([total.rect!.left, total.rect!.top, total.rect!.width].map(round)).toEqual([round(5.4 / 8.5), round(1.6 / 11), round(1.4 / 8.5)])
    expect(total.points).toHaveLength(4)
    const table = shapes.find((s) => s.kind === 'entity' && s.targetId === doc.entities[1]!.id)!
    expect(table.page).toBe(1)
    // 13 key-values + table + QR code + template field outlines.
    expect(shapes).toHaveLength(16)
  })

  it('normalised coordinates on an image page and pixels on an image page', () => {
    const body = (box: Record<string, number>) => documentExportSchema.parse({ taskId: 1, chunks: [{ entities: [{ type: 'keyValues', pageNumber: 1, keyValues: [{ category: 'A', content: 'a', boundingBox: box }] }] }] })
    const image = new Map([[1, { pixelWidth: 2000, pixelHeight: 1000 }]])
    const norm = pageShapes(flattenDocument(body({ left: 0.25, top: 0.5, width: 0.5, height: 0.1 })), image)
    expect(norm[0]!.rect).toEqual({ left: 0.25, top: 0.5, width: 0.5, height: 0.1 })
    const px = pageShapes(flattenDocument(body({ left: 500, top: 500, width: 1000, height: 100 })), image)
    expect(px[0]!.rect).toEqual({ left: 0.25, top: 0.5, width: 0.5, height: 0.1 })
  })

  it('regions without a page, a box or points, or on a page that is not there, are not drawn', () => {
    const exp = documentExportSchema.parse({
      taskId: 1,
      chunks: [{ entities: [{ type: 'keyValues', keyValues: [
        { content: 'no page', boundingBox: { left: 1, top: 1, width: 1, height: 1 } },
        { content: 'no box', pageNumber: 1, boundingBox: null },
        { content: 'page 9', pageNumber: 9, boundingBox: { left: 1, top: 1, width: 1, height: 1 } },
        { content: 'ok', pageNumber: 2, boundingBox: { left: 1, top: 1, width: 1, height: 1 } }
      ] }] }]
    })
    const shapes = pageShapes(flattenDocument(exp), new Map([[1, letter], [2, letter]]))
    expect(shapes.map((s) => s.page)).toEqual([2])
  })
})

describe('boxesInReadingOrder', () => {
  it('walks the boxes page by page, line by line, left to right; named for a keyboard user', () => {
    const kv = (content: string, page: number, left: number, top: number) => ({ category: 'C', content, pageNumber: page, boundingBox: { left, top, width: 0.1, height: 0.02 } })
    const doc = flattenDocument(documentExportSchema.parse({
      taskId: 1,
      chunks: [{ entities: [{ type: 'keyValues', keyValues: [
        kv('p2 top', 2, 0.1, 0.1), kv('p1 second line', 1, 0.1, 0.3), kv('p1 first line right', 1, 0.6, 0.102),
        kv('p1 first line left', 1, 0.1, 0.1), { category: 'C', content: 'points only', pageNumber: 1, boundingBox: null }
      ] }] }]
    }))
    const image = { pixelWidth: 1000, pixelHeight: 1000 }
    const shapes = pageShapes(doc, new Map([[1, image], [2, image]]))
    const labels = targetLabels(doc)
    const order = boxesInReadingOrder(shapes).map((s) => labels.get(s.targetId))
    expect(order).toEqual(['C: p1 first line left', 'C: p1 first line right', 'C: p1 second line', 'C: p2 top'])
    expect(labels.get(doc.entities[0]!.id)).toBe('Entity (Key-values)')
  })
})
