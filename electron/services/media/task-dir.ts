import { AppError } from '../../../shared/errors'

/**
 * The folder name for a task's cached media and peaks. Task ids are integers in the API; anything
 * else that could climb out of the cache folder (`..`, slashes) is refused.
 */
export function taskDirName(taskId: string | number): string {
  const name = String(taskId)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new AppError('bad_request', `Not a valid task id: ${JSON.stringify(name).slice(0, 80)}`)
  return name
}
