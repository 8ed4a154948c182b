import { describe, expect, it } from 'vitest'
import { describeTaskRef, exportRequestPath, toTaskRef } from '../../../shared/api/endpoints'

describe('export endpoints (the one place that decides how externalId travels)', () => {
  it.each([
    ['transcript', { taskId: 12 }, '/api/v1.0/external/sdtask/GetExportData/Transcript/12'],
    ['document', { taskId: 12 }, '/api/v1.0/external/sdtask/GetExportData/12'],
    ['transcript', { externalId: 'A&B 1' }, '/api/v1.0/external/sdtask/GetExportData/Transcript/0?externalId=A%26B%201'],
    ['document', { taskId: 3, externalId: 'x' }, '/api/v1.0/external/sdtask/GetExportData/3?externalId=x']
  ] as const)('%s %o → %s', (kind, ref, path) => {
    expect(exportRequestPath(kind, ref)).toBe(path)
  })

  it('describes and builds task references', () => {
    expect(describeTaskRef({ taskId: 5, externalId: 'E' })).toBe('id 5 and external id "E"')
    expect(toTaskRef({ taskId: 5, externalId: '  ' })).toEqual({ taskId: 5 })
    expect(toTaskRef({ externalId: ' E-1 ' })).toEqual({ externalId: 'E-1' })
    expect(toTaskRef({})).toBe('Give a task id or an external id')
    expect(toTaskRef({ taskId: -1 })).toMatch(/positive whole number/)
  })
})
