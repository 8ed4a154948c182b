import { describe, expect, it } from 'vitest'
import { stripBom } from '../../../shared/api/parse-export'

describe('stripBom', () => {
  it('drops one leading byte order mark and nothing else', () => {
    expect(stripBom('\uFEFF{"a":1}')).toBe('{"a":1}')
    expect(stripBom('{"a":1}')).toBe('{"a":1}')
    expect(stripBom('\uFEFF\uFEFF[]')).toBe('\uFEFF[]')
    expect(stripBom('[" \uFEFF "]')).toBe('[" \uFEFF "]')
    expect(stripBom('')).toBe('')
  })
})
