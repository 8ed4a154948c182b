import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/contract'

/** What the menu needs from the app. */
export interface MenuActions {
  readonly send: (command: MenuCommand) => void
  readonly openLogsFolder: () => void
  readonly openHelp: () => void
}

/**
 * The application menu as a plain template (tested without Electron). Editing commands go to
 * the renderer, which owns the undo history of the transcript; text fields keep their native
 * cut/copy/paste roles.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
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
      label: '&File',
      submenu: [
        command('Open Task…', 'open-task', 'CmdOrCtrl+O'),
        command('Open Saved Export…', 'open-file', 'CmdOrCtrl+Shift+O'),
        command('Open Sample Task', 'open-sample'),
        { type: 'separator' },
        command('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Sign In…', 'sign-in'),
        command('Close Task', 'close-task', 'CmdOrCtrl+W'),
        ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit' } as MenuItemConstructorOptions])
      ]
    },
    {
      label: '&Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find and Replace…', 'find', 'CmdOrCtrl+F')
      ]
    },
    {
      label: '&View',
      submenu: [
        command('Toggle Document Pane', 'toggle-document-pane', 'CmdOrCtrl+Shift+D'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: '&Help',
      submenu: [
        command('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
        { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
        { label: 'SmartDocumentor Documentation', click: () => actions.openHelp() }
      ]
    }
  )
  return template
}
