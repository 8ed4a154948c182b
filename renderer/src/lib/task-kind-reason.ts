import type { TaskKindInfo } from '../../../shared/api/task-kind'
import { t } from '../i18n'

/*
 * Why the inbox thinks a task is a transcript or a document, in the reviewer's language.
 * shared/api/task-kind.ts writes its reasons in English (they are also `sdte list --json`'s, which
 * scripts read, so they stay English there); this reads each of its few forms back and says it
 * again through the catalogue. A form it does not know is shown as it came.
 */

const details = (text: string): string => {
  const parts = text.split(', ').map((part) => {
    let m = /^template “(.*)”$/.exec(part)
    if (m) return t('inbox.kindReason.templateNamed', { name: m[1] ?? '' })
    if (part === 'no template name') return t('inbox.kindReason.noTemplateName')
    m = /^task type (.+)$/.exec(part)
    if (m) return t('inbox.kindReason.taskType', { value: m[1] ?? '' })
    m = /^template type (.+)$/.exec(part)
    if (m) return t('inbox.kindReason.templateType', { value: m[1] ?? '' })
    return part
  })
  return parts.join(', ')
}

/** The reason of `info` in the current language (read when shown, so it follows a language change). */
export function kindReason(info: TaskKindInfo): string {
  const reason = info.reason
  if (reason === 'the server did not say which workspace the task is in') return t('inbox.kindReason.noWorkspace')
  if (reason === 'the workspaces could not be read') return t('inbox.kindReason.unreadable')
  let m = /^workspace (\d+) is not among the listed workspaces$/.exec(reason)
  if (m) return t('inbox.kindReason.notListed', { workspace: m[1] ?? '' })
  m = /^workspace template “(.*)”$/.exec(reason)
  if (m) return t('inbox.kindReason.template', { name: m[1] ?? '' })
  m = /^same (task|template) type \((.+)\) as workspace (\d+) \(template “(.*)”\)$/.exec(reason)
  if (m) return t(m[1] === 'task' ? 'inbox.kindReason.peerTaskType' : 'inbox.kindReason.peerTemplateType', { value: m[2] ?? '', workspace: m[3] ?? '', name: m[4] ?? '' })
  m = /^workspace (\d+): (.*)$/.exec(reason)
  if (m) return t('inbox.kindReason.described', { workspace: m[1] ?? '', details: details(m[2] ?? '') })
  return reason
}
