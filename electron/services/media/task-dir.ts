import { cacheDirName } from '../download/cache-key'

/**
 * The folder name for a task's cached media and peaks (a cache key, see download/cache-key.ts);
 * anything that could climb out of the cache folder is refused.
 */
export function taskDirName(taskId: string | number): string {
  return cacheDirName(taskId)
}
