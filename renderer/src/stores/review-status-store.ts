import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'
import { t } from '../i18n'
import { errorLine } from '../lib/error-messages'

/*
 * "Mark as reviewed": the value written as the task's external integration status (a setting,
 * default `reviewed`) and the mark itself (smartdocumentor-api.md §7.2; docs/api.md).
 */

/** The longest value the platform takes. */
export const reviewStatusMaxLength = 32

/** Why a review-status value cannot be used, or null. */
export function reviewStatusProblem(value: string): string | null {
  const v = value.trim()
  if (v === '') return t('workflow.statusEmpty')
  if (v.length > reviewStatusMaxLength) return t('workflow.statusTooLong', { max: reviewStatusMaxLength })
  return null
}

/** Where a task's mark stands. */
export type MarkState = { readonly state: 'busy' } | { readonly state: 'done'; readonly value: string } | { readonly state: 'failed'; readonly error: ErrorData }

/** The review-status setting and the marks made this session. */
export const useReviewStatusStore = defineStore('review-status', () => {
  const value = ref('reviewed')
  const error = ref<string | null>(null)
  const marks = ref<Record<number, MarkState>>({})

  /** Reads the setting from main. */
  async function load(): Promise<void> {
    const result = await sdte().invoke['settings:getReviewStatus']()
    if (result.ok) value.value = result.value.value
  }

  /** Saves a new value; false (and `error` says why) when it is not usable. */
  async function save(next: string): Promise<boolean> {
    const problem = reviewStatusProblem(next)
    if (problem) {
      error.value = problem
      return false
    }
    const result = await sdte().invoke['settings:setReviewStatus']({ value: next.trim() })
    if (!result.ok) {
      error.value = errorLine(result.error)
      return false
    }
    value.value = result.value.value
    error.value = null
    return true
  }

  /** Marks a task as reviewed with the setting's value. */
  async function mark(taskId: number): Promise<boolean> {
    marks.value = { ...marks.value, [taskId]: { state: 'busy' } }
    const result = await sdte().invoke['tasks:markReviewed']({ ref: { taskId }, value: value.value })
    marks.value = { ...marks.value, [taskId]: result.ok ? { state: 'done', value: result.value.value } : { state: 'failed', error: result.error } }
    return result.ok
  }

  return { value, error, marks, load, save, mark }
})
