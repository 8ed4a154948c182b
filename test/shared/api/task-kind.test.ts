import { describe, expect, it } from 'vitest'
import { taskKindOf, workspaceKind } from '../../../shared/api/task-kind'
import { readWorkspaces, type WorkspaceItem } from '../../../shared/api/task-list'

// Workspaces as CurrentWorkspaces sends them (§5), read by the app's own reader.
const tenant = readWorkspaces([
  { workspaceId: 7, tenantId: 3, workspaceName: 'Hearings', isDefault: true, taskType: 2, workspaceType: 1, templateType: 5, workspaceTemplateName: 'Transcripts' },
  { workspaceId: 9, tenantId: 3, workspaceName: 'Invoices', isDefault: false, taskType: 1, workspaceType: 1, templateType: 1, workspaceTemplateName: 'Invoices (Universal)' },
  { workspaceId: 11, tenantId: 3, workspaceName: 'Court audio', isDefault: false, taskType: 2, workspaceType: 1, templateType: 5, workspaceTemplateName: null },
  { workspaceId: 12, tenantId: 3, workspaceName: 'IDs', isDefault: false, taskType: 4, workspaceType: 1, templateType: 7, workspaceTemplateName: 'Identification Document' },
  { workspaceId: 13, tenantId: 3, workspaceName: 'Mystery', isDefault: false, taskType: 99, workspaceType: 3, templateType: 42 },
  { workspaceId: 14, tenantId: 3, workspaceName: 'Custom', isDefault: false, taskType: 1, workspaceType: 1, templateType: 9, workspaceTemplateName: 'Template (custom)' }
]) as WorkspaceItem[]

describe('task kinds from workspaces', () => {
  it('reads taskType and workspaceType from the workspaces answer', () => {
    expect(tenant[0]).toMatchObject({ workspaceId: 7, taskType: 2, workspaceType: 1, templateType: 5, templateName: 'Transcripts' })
  })

  it('decides by the template name: Transcripts vs the documented document templates', () => {
    expect(taskKindOf(7, tenant)).toMatchObject({ kind: 'transcript', reason: 'workspace template “Transcripts”', notice: { code: 'task-kind.template', params: { name: 'Transcripts' } } })
    expect(taskKindOf(9, tenant).kind).toBe('document')
    expect(taskKindOf(12, tenant).kind).toBe('document')
    expect(taskKindOf(14, tenant).kind).toBe('document')
  })

  it('without a template name, a workspace of the same task type lends its kind', () => {
    expect(taskKindOf(11, tenant)).toMatchObject({ kind: 'transcript', reason: 'same task type (2) as workspace 7 (template “Transcripts”)' })
  })

  it('keeps an undecidable workspace visible as unknown, with its numbers', () => {
    expect(taskKindOf(13, tenant)).toMatchObject({ kind: 'unknown', reason: 'workspace 13: no template name, task type 99, template type 42' })
    expect(taskKindOf(77, tenant)).toMatchObject({ kind: 'unknown', reason: 'workspace 77 is not among the listed workspaces' })
    expect(taskKindOf(7, []).reason).toBe('the workspaces could not be read')
    expect(taskKindOf(null, tenant).kind).toBe('unknown')
  })

  it('peers that disagree decide nothing', () => {
    const mixed = [...tenant, { workspaceId: 15, name: 'Both', isDefault: false, templateName: 'Transcripts', templateType: 1, taskType: 1 }]
    const anon = { workspaceId: 16, name: 'x', isDefault: false, templateName: null, templateType: null, taskType: 1 }
    expect(workspaceKind(anon, [...mixed, anon]).kind).toBe('unknown')
  })
})
