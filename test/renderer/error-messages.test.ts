import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../shared/errors'
import { adviceFor } from '../../renderer/src/lib/error-messages'

describe('error advice', () => {
  it.each(errorCodes)('%s: a title and a next step the reviewer can take', (code) => {
    const advice = adviceFor({ code, message: 'x' })
    expect(advice.title.length).toBeGreaterThan(3)
    expect(advice.nextStep).toMatch(/^[A-Z].{15,}\.$/)
    expect(advice.nextStep).not.toBe(advice.title)
  })

  it('a timeout points to the setting that changes it', () => {
    expect(adviceFor({ code: 'timeout', message: 'x' }).nextStep).toContain('Sign in → Server')
  })
})
