import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { writeFileAtomic } from '../services/fs/atomic-write'
import { fsErrorCause } from '../services/fs/fs-error'
import type { FinishSetting } from '../services/settings/finish-setting'
import type { IpcHandlers } from './ipc-dispatcher'

/*
 * Finish review's channels: its settings (formats, folder) and writing its files into that
 * folder without a dialog per file. The folder comes only from main's own folder dialog, and
 * the renderer sends bare file names, so it can never direct a write anywhere else.
 */

/** The channels of Finish review. */
export type FinishChannel = 'finish:getSettings' | 'finish:setFormats' | 'finish:chooseFolder' | 'finish:saveFile'

/** What the handlers need: the setting and a folder dialog (absent where there is no desktop). */
export interface FinishPorts {
  readonly setting: FinishSetting
  chooseFolder?(title: string): Promise<string | null>
}

/** Builds the Finish review handlers. */
export function createFinishHandlers(ports: FinishPorts): Pick<IpcHandlers, FinishChannel> {
  return {
    'finish:getSettings': () => ports.setting.get(),
    'finish:setFormats': ({ formats }) => ports.setting.setFormats(formats),
    'finish:chooseFolder': async () => {
      if (!ports.chooseFolder) throw new AppError('bad_request', 'Choosing a folder is not available here')
      const folder = await ports.chooseFolder('Folder for the files of Finish review')
      return folder === null ? null : ports.setting.setFolder(folder)
    },
    'finish:saveFile': async ({ name, content }) => {
      const folder = ports.setting.get().folder
      if (folder === null) throw new AppError('bad_request', 'Choose the folder for finished reviews first', { reason: 'no_finish_folder' })
      const path = join(folder, name)
      const data = typeof content === 'string' ? content : Buffer.from(content.base64, 'base64')
      try {
        await writeFileAtomic(path, data)
      } catch (error) {
        throw new AppError('io', `Could not write ${name}: ${await fsErrorCause(error, path)}.`, { cause: error, reason: 'write_failed', params: { path } })
      }
      return { path }
    }
  }
}
