import { describe, expect, it } from 'vitest'
import { defaultStartDate, readTaskPage, readWorkspaces, taskListRequestPath, toTaskListItem } from '../../../shared/api/task-list'

const row = (over: Record<string, unknown> = {}) => ({
  taskId: 49, workspaceId: 1, batchId: null, taskNumber: 7, externalId: 'X-1', displayName: 'Task display name',
  createdOn: '2022-03-28T14:28:56Z', taskStatus: 4, integrationStatus: 1, totalPages: 12, ...over
})

describe('taskListRequestPath', () => {
  it.each([
    [{}, `startDate=${encodeURIComponent(defaultStartDate)}&pageNumber=1&pageSize=10`],
    [{ workspaceIds: [3, 4] }, 'workspaceId=3&workspaceId=4&startDate='],
    [{ taskStatuses: [30, 31], integrationStatuses: [1, 2] }, 'taskStatus=30&taskStatus=31&integrationStatus=1&integrationStatus=2'],
    [{ externalStatus: 'never' }, 'externalIntegrationStatus=never'],
    [{ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'startDate=2026-01-01T00%3A00%3A00Z&endDate=2026-02-01T00%3A00%3A00Z&pageNumber'],
    [{ sort: 'displayName' }, 'sort=displayName']
  ])('%j → …%s…', (filters, expected) => {
    const path = taskListRequestPath(filters, 1, 10)
    expect(path.startsWith('/api/v1.0/external/sdtask/statuslistpaginated?')).toBe(true)
    expect(path).toContain(expected)
  })

  it('sends no default date when one is given', () => {
    expect(taskListRequestPath({ to: '2026-02-01' }, 2, 25)).not.toContain('startDate')
    expect(taskListRequestPath({ to: '2026-02-01' }, 2, 25)).toContain('pageNumber=2&pageSize=25')
  })
})

describe('toTaskListItem', () => {
  it.each([
    ['documented row, status 4 with its text', row({ taskStatusText: 'Processed' }), { taskId: 49, status: { value: 4, text: 'Processed' }, lengthMinutes: 12, taskNumber: 7 }],
    ['known status without text', row({ taskStatus: 30 }), { status: { value: 30, text: 'Queued for pre-processing' } }],
    ['unknown status without text is shown, not hidden', row({ taskStatus: 99 }), { status: { value: 99, text: 'Unknown (99)' } }],
    ['server text beats our table', row({ taskStatus: 30, taskStatusText: 'QueuedForPreProcessing' }), { status: { value: 30, text: 'QueuedForPreProcessing' } }],
    ['integration status by text', row({ integrationStatus: 2, integrationStatusText: 'Failed' }), { integrationStatus: { value: 2, text: 'Failed' } }],
    ['PascalCase keys', { TaskId: 5, DisplayName: 'P', TaskStatus: 1, TaskStatusText: 'Odd', ExternalIntegrationStatus: 'never' }, { taskId: 5, name: 'P', status: { value: 1, text: 'Odd' }, externalStatus: 'never' }],
    ['numeric strings', row({ taskId: '49', taskStatus: '4' }), { taskId: 49, status: { value: 4, text: 'Unknown (4)' } }],
    ['no name', row({ displayName: null }), { name: 'Task 49' }],
    ['enum as text only', row({ taskStatus: 'ToReview' }), { status: { value: null, text: 'ToReview' } }]
  ])('%s', (_name, raw, expected) => {
    expect(toTaskListItem(raw)).toMatchObject(expected)
  })

  it.each([[null], [42], [{ displayName: 'no id' }], [{ taskId: 0 }], [{ taskId: 1.5 }]])('%j has no usable task id', (raw) => {
    expect(toTaskListItem(raw)).toBeNull()
  })
})

describe('readTaskPage', () => {
  const items = [row(), row({ taskId: 50 })]
  it.each([
    ['documented envelope', { items, pageNumber: 1, totalPages: 3, totalCount: 5, hasPreviousPage: false, hasNextPage: true }, 2, { total: 5, hasMore: true }],
    ['envelope without hasNextPage, last page', { items, pageNumber: 3, totalPages: 3, totalCount: 6, hasPreviousPage: true }, 2, { total: 6, hasMore: false }],
    ['envelope with totalCount only', { items, totalCount: 6 }, 2, { total: 6, hasMore: true }],
    ['PascalCase envelope', { Items: items, PageNumber: 1, TotalPages: 1, TotalCount: 2, HasPreviousPage: false }, 2, { total: 2, hasMore: false }],
    ['bare array, full page', items, 2, { total: null, hasMore: true }],
    ['bare array, short page', items, 10, { total: null, hasMore: false }],
    ['bare array longer than the page: the whole list', [...items, row({ taskId: 51 })], 2, { total: 3, hasMore: false }]
  ])('%s', (_name, body, pageSize, expected) => {
    expect(readTaskPage(body, 1, pageSize)).toMatchObject(expected)
  })

  it('counts unreadable entries instead of dropping them silently', () => {
    expect(readTaskPage([row(), { nope: 1 }], 1, 10)).toMatchObject({ unreadable: 1, items: [{ taskId: 49 }] })
  })

  it.each([[null], ['text'], [{ page: [] }]])('%j is not a page', (body) => {
    expect(readTaskPage(body, 1, 10)).toBeNull()
  })
})

describe('readWorkspaces', () => {
  it('reads the documented bare array and skips entries without an id', () => {
    const body = [{ workspaceId: 7, tenantId: 3, workspaceName: 'T', isDefault: true, templateType: 5, workspaceTemplateName: null }, { workspaceName: 'x' }]
    expect(readWorkspaces(body)).toEqual([{ workspaceId: 7, name: 'T', isDefault: true, templateName: null, templateType: 5, taskType: null, workspaceType: null }])
  })
  it('refuses a non-list', () => expect(readWorkspaces({ a: 1 })).toBeNull())
})
