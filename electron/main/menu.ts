import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/contract'
import { mainMessages, type MainMessages } from './main-messages'

/** What the menu needs from the app. */
export interface MenuActions {
  readonly send: (command: MenuCommand) => void
  readonly openLogsFolder: () => void
  readonly openHelp: () => void
}

/**
 * The application menu as a plain template (tested without Electron), in the reviewer's language. Editing commands go to
 * the renderer, which owns the undo history of the transcript; text fields keep their native
 * cut/copy/paste roles.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  actions: MenuActions,
  labels: MainMessages['menu'] = mainMessages.en.menu
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(cmd)
  })
  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    template.push({
      label: appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }]
    })
  }
  template.push(
    {
      label: labels.file,
      submenu: [
        command(labels.openTask, 'open-task', 'CmdOrCtrl+O'),
        command(labels.openSavedExport, 'open-file', 'CmdOrCtrl+Shift+O'),
        command(labels.openSample, 'open-sample'),
        { type: 'separator' },
        command(labels.export, 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command(labels.signIn, 'sign-in'),
        command(labels.closeTask, 'close-task', 'CmdOrCtrl+W'),
        ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit' } as MenuItemConstructorOptions])
      ]
    },
    {
      label: labels.edit,
      submenu: [
        command(labels.undo, 'undo', 'CmdOrCtrl+Z'),
        command(labels.redo, 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command(labels.find, 'find', 'CmdOrCtrl+F')
      ]
    },
    {
      label: labels.view,
      submenu: [
        command(labels.toggleDocumentPane, 'toggle-document-pane', 'CmdOrCtrl+Shift+D'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: labels.help,
      submenu: [
        command(labels.shortcuts, 'shortcuts', 'CmdOrCtrl+/'),
        { label: labels.openLogsFolder, click: () => actions.openLogsFolder() },
        { label: labels.documentation, click: () => actions.openHelp() }
      ]
    }
  )
  return template
}
