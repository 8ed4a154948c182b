import type { MessageShape } from '../../shape'
import type { common as en } from '../en/common'

/** Palavras usadas em toda a aplicação (botões, estados). */
export const common: MessageShape<typeof en> = {
  cancel: 'Cancelar',
  close: 'Fechar',
  dismiss: 'Dispensar',
  retry: 'Tentar de novo',
  save: 'Guardar',
  open: 'Abrir',
  loading: 'A carregar…',
  language: 'Idioma',
  languageSystem: 'Sistema ({language})',
  languageNames: { en: 'English', 'pt-PT': 'Português (Portugal)' }
}
