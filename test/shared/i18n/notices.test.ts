import { describe, expect, it } from 'vitest'
import { taskKindOf } from '../../../shared/api/task-kind'
import type { WorkspaceItem } from '../../../shared/api/task-list'
import { englishNotices, notice, noticeCodes, noticeText } from '../../../shared/i18n/notices'
import { breachNotice, describeBreach, qcRuleSeverity, qcRuleUnit } from '../../../shared/subtitles'
import type { QcBreach, QcRule } from '../../../shared/subtitles'
import { formatSrtTime } from '../../../shared/time'

/*
 * Notices' English (what sdte and logs print) is the wording sdte has always printed: QC lines
 * and task-kind reasons are parsed by scripts. The old builders are kept here as the reference.
 */

function oldDescribeBreach(breach: QcBreach, formatTime: (ms: number) => string): string {
  const unit = qcRuleUnit[breach.rule]
  const relation: Record<QcRule, string> = {
    'chars-per-line': '>', lines: '>', overlap: '', order: '', duration: '<', empty: '',
    'reading-speed': '>', 'words-per-minute': '>', 'min-duration': '<', 'max-duration': '>', 'min-gap': '<'
  }
  const head = `cue ${breach.cueIndex + 1} at ${formatTime(breach.startMs)}: ${breach.rule} (${breach.severity})`
  if (breach.rule === 'empty') return `${head} has no text`
  if (breach.rule === 'overlap') return `${head} overlaps the previous cue by ${breach.figure} ms`
  if (breach.rule === 'order') return `${head} starts ${-breach.figure} ms before the previous cue`
  return `${head} ${breach.figure} ${unit} ${relation[breach.rule]} ${breach.limit} ${unit}`
}

function oldDescribeWorkspace(ws: WorkspaceItem): string {
  const numbers = [ws.taskType != null ? `task type ${ws.taskType}` : null, ws.templateType != null ? `template type ${ws.templateType}` : null].filter(Boolean)
  const name = ws.templateName ? `template “${ws.templateName}”` : 'no template name'
  return `workspace ${ws.workspaceId}: ${name}${numbers.length ? `, ${numbers.join(', ')}` : ''}`
}

describe('notices in English', () => {
  it('every QC rule reads as sdte qc has always written it', () => {
    for (const rule of Object.keys(qcRuleSeverity) as QcRule[]) {
      const breach: QcBreach = { rule, severity: qcRuleSeverity[rule], figure: rule === 'order' ? -120 : 23.4, limit: 17, cueIndex: 11, startMs: 62_000, mediaMs: 62_000 }
      expect(breachNotice(breach).code).toBe(`qc.${rule}`)
      expect(describeBreach(breach, formatSrtTime)).toBe(oldDescribeBreach(breach, formatSrtTime))
    }
  })

  it('every unknown workspace reads as sdte list --json has always said it', () => {
    const variants: WorkspaceItem[] = [
      { workspaceId: 1, name: 'a', isDefault: false, templateName: null, taskType: 99, templateType: 42 },
      { workspaceId: 2, name: 'b', isDefault: false, templateName: 'Odd', taskType: 99, templateType: null },
      { workspaceId: 3, name: 'c', isDefault: false, templateName: null, taskType: null, templateType: 42 },
      { workspaceId: 4, name: 'd', isDefault: false, templateName: 'Odd', taskType: null, templateType: null }
    ]
    for (const ws of variants) expect(taskKindOf(ws.workspaceId, variants).reason).toBe(oldDescribeWorkspace(ws))
  })

  it('fills nested notices and leaves a missing parameter visible', () => {
    expect(noticeText(notice('decision.dropped', { what: notice('decision.what.lock'), word: notice('decision.no-word'), why: notice('decision.why.all-deleted') }))).toBe('The cue lock at nothing was dropped: every word it held was deleted.')
    expect(noticeText(notice('document.table-without-data'))).toBe('Table "{name}" has no table data.')
  })

  it('lists every code once, each with English text', () => {
    expect(new Set(noticeCodes).size).toBe(noticeCodes.length)
    expect(noticeCodes.filter((c) => !englishNotices[c])).toEqual([])
  })
})
