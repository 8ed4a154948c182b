import { describe, expect, it } from 'vitest'
import { boxToRect, coordinateSpace, detectUnit, extentOf, pointsToRect, pointToFraction, rectToFraction } from '../../../shared/document/coordinates'

const letter = { widthInches: 8.5, heightInches: 11 }
const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top })

describe('boxToRect', () => {
  it('uses left/top/width/height, else x/y, else right/bottom', () => {
    expect(boxToRect(box(1, 2, 3, 4))).toEqual({ left: 1, top: 2, width: 3, height: 4 })
    expect(boxToRect({ x: 1, y: 2, right: 4, bottom: 6 })).toEqual({ left: 1, top: 2, width: 3, height: 4 })
    expect(boxToRect({ right: 4, bottom: 6, width: 3, height: 4 })).toEqual({ left: 1, top: 2, width: 3, height: 4 })
  })
  it('accepts y measured upwards when only top and bottom are given', () => {
    expect(boxToRect({ left: 1, top: 6, right: 4, bottom: 2 })).toEqual({ left: 1, top: 2, width: 3, height: 4 })
  })
  it('is null for null, empty, negative or partial boxes', () => {
    expect(boxToRect(null)).toBeNull()
    expect(boxToRect(undefined)).toBeNull()
    expect(boxToRect({})).toBeNull()
    expect(boxToRect({ left: 1, top: 1, width: -2, height: 1 })).toBeNull()
    expect(boxToRect({ left: 1, top: null, width: 2, height: 1 })).toBeNull()
    expect(boxToRect({ left: Number.NaN, top: 1, width: 2, height: 1 })).toBeNull()
  })
})

describe('pointsToRect', () => {
  it('bounds the points and ignores non-finite ones', () => {
    expect(pointsToRect([{ x: 2, y: 1 }, { x: 5, y: 1 }, { x: 5, y: 3 }, { x: Number.NaN, y: 9 }])).toEqual({ left: 2, top: 1, width: 3, height: 2 })
    expect(pointsToRect([])).toBeNull()
    expect(pointsToRect(null)).toBeNull()
  })
})

describe('detectUnit', () => {
  it('normalised when everything is within 0..1 (or there is nothing)', () => {
    expect(detectUnit({ maxX: 0.93, maxY: 1 }, letter)).toBe('normalised')
    expect(detectUnit({ maxX: 0, maxY: 0 }, null)).toBe('normalised')
  })
  it('inches when the values fit the PDF page measured in inches', () => {
    expect(detectUnit({ maxX: 7.9, maxY: 10.8 }, letter)).toBe('inches')
    expect(detectUnit({ maxX: 8.6, maxY: 11.1 }, letter)).toBe('inches') // within 2 % slack
  })
  it('pixels when they do not fit the page in inches', () => {
    expect(detectUnit({ maxX: 612, maxY: 792 }, letter)).toBe('pixels')
    expect(detectUnit({ maxX: 9.5, maxY: 3 }, letter)).toBe('pixels')
  })
  it('without a page size: paper-sized values are inches, larger ones pixels', () => {
    expect(detectUnit({ maxX: 8, maxY: 16 }, null)).toBe('inches')
    expect(detectUnit({ maxX: 2480, maxY: 3508 }, { pixelWidth: 2480, pixelHeight: 3508 })).toBe('pixels')
    expect(detectUnit({ maxX: 40, maxY: 30 }, null)).toBe('pixels')
  })
})

describe('conversion to page fractions', () => {
  it('normalised values are already fractions', () => {
    const space = coordinateSpace('normalised', letter, { maxX: 1, maxY: 1 })
    expect(rectToFraction({ left: 0.1, top: 0.2, width: 0.3, height: 0.4 }, space)).toEqual({ left: 0.1, top: 0.2, width: 0.3, height: 0.4 })
  })
  it('inches divide by the page size in inches', () => {
    const space = coordinateSpace('inches', letter, { maxX: 8, maxY: 10 })
    const r = rectToFraction({ left: 0.85, top: 5.5, width: 4.25, height: 1.1 }, space)
    expect([r.left, r.top, r.width, r.height].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.1, 0.5, 0.5, 0.1])
    expect(pointToFraction({ x: 8.5, y: 11 }, space)).toEqual({ x: 1, y: 1 })
  })
  it('inches on an image page assume 96 DPI; with no page at all, Letter', () => {
    expect(coordinateSpace('inches', { pixelWidth: 816, pixelHeight: 1056 }, { maxX: 1, maxY: 1 })).toMatchObject({ width: 8.5, height: 11 })
    expect(coordinateSpace('inches', null, { maxX: 2, maxY: 2 })).toMatchObject({ width: 8.5, height: 11 })
  })
  it('pixels of an image divide by its natural size', () => {
    const space = coordinateSpace('pixels', { pixelWidth: 2000, pixelHeight: 1000 }, { maxX: 1500, maxY: 900 })
    expect(rectToFraction({ left: 200, top: 100, width: 1000, height: 500 }, space)).toEqual({ left: 0.1, top: 0.1, width: 0.5, height: 0.5 })
  })
  it('pixels over a PDF page pick the smallest common DPI the values fit', () => {
    expect(coordinateSpace('pixels', letter, { maxX: 600, maxY: 700 })).toMatchObject({ dpi: 72, width: 612, height: 792 })
    expect(coordinateSpace('pixels', letter, { maxX: 2400, maxY: 3200 })).toMatchObject({ dpi: 300, width: 2550, height: 3300 })
    const space = coordinateSpace('pixels', letter, { maxX: 2400, maxY: 3200 })
    expect(pointToFraction({ x: 1275, y: 1650 }, space)).toEqual({ x: 0.5, y: 0.5 })
  })
})

describe('extentOf', () => {
  it('takes the far edges of rectangles and points, skipping nulls', () => {
    expect(extentOf([{ left: 1, top: 1, width: 2, height: 3 }, null], [{ x: 5, y: 0.5 }])).toEqual({ maxX: 5, maxY: 4 })
  })
})
