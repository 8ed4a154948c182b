import type { AppLocale } from '../../shared/i18n/locales'

/*
 * What main itself says: the application menu and the native dialogs (open, save, attach,
 * confirm on close). The renderer tells main the reviewer's language (`app:setLanguage`) and the
 * menu is rebuilt; until it does, the system's language is used (shared/i18n/locales).
 */

const en = {
  menu: {
    file: '&File',
    openTask: 'Open Task…',
    openSavedExport: 'Open Saved Export…',
    openSample: 'Open Sample Task',
    export: 'Export…',
    signIn: 'Sign In…',
    closeTask: 'Close Task',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    find: 'Find and Replace…',
    view: '&View',
    toggleDocumentPane: 'Toggle Document Pane',
    help: '&Help',
    shortcuts: 'Keyboard Shortcuts',
    openLogsFolder: 'Open Logs Folder',
    documentation: 'SmartDocumentor Documentation'
  },
  dialogs: {
    openExportTitle: 'Open a saved export',
    openExportFilter: 'Transcript export or draft (JSON)',
    saveTitle: 'Save',
    attachTitle: 'Attach the recording',
    attachFilter: 'Audio or video',
    unsavedKeepEditing: 'Keep editing',
    unsavedCloseAnyway: 'Close anyway',
    unsavedMessage: 'Some changes are not saved yet.',
    unsavedDetail:
      'Your draft is saved automatically, and a failed save is retried (the status bar says why it failed). Keep editing while it saves or you free disk space, or close and lose the unsaved changes.'
  }
}

/** The shape every main-process catalogue has. */
export type MainMessages = typeof en

const ptPT: MainMessages = {
  menu: {
    file: '&Ficheiro',
    openTask: 'Abrir tarefa…',
    openSavedExport: 'Abrir exportação guardada…',
    openSample: 'Abrir tarefa de exemplo',
    export: 'Exportar…',
    signIn: 'Iniciar sessão…',
    closeTask: 'Fechar tarefa',
    edit: '&Editar',
    undo: 'Anular',
    redo: 'Refazer',
    find: 'Localizar e substituir…',
    view: '&Ver',
    toggleDocumentPane: 'Mostrar/ocultar painel do documento',
    help: '&Ajuda',
    shortcuts: 'Atalhos de teclado',
    openLogsFolder: 'Abrir pasta de registos',
    documentation: 'Documentação do SmartDocumentor'
  },
  dialogs: {
    openExportTitle: 'Abrir uma exportação guardada',
    openExportFilter: 'Exportação de transcrição ou rascunho (JSON)',
    saveTitle: 'Guardar',
    attachTitle: 'Anexar a gravação',
    attachFilter: 'Áudio ou vídeo',
    unsavedKeepEditing: 'Continuar a editar',
    unsavedCloseAnyway: 'Fechar mesmo assim',
    unsavedMessage: 'Algumas alterações ainda não estão guardadas.',
    unsavedDetail:
      'O rascunho é guardado automaticamente e uma gravação falhada é repetida (a barra de estado diz porque falhou). Continue a editar enquanto guarda ou liberte espaço em disco, ou feche e perca as alterações por guardar.'
  }
}

/** Main's messages by locale. */
export const mainMessages: Readonly<Record<AppLocale, MainMessages>> = { en, 'pt-PT': ptPT }
