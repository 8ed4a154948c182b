import type { MessageShape } from '../../shape'
import type { start as en } from '../en/start'

/** O ecrã inicial. */
export const start: MessageShape<typeof en> = {
  tagline: 'Reveja transcrições do SmartDocumentor com a gravação, corrija-as e exporte legendas.',
  getStarted: 'Começar',
  signInTitle: 'Iniciar sessão',
  signedInTo: 'Sessão iniciada em {url}.',
  signedInToSessionOnly: 'Sessão iniciada em {url} (só nesta sessão: sem porta-chaves do sistema).',
  signInHow: 'Use o ID de cliente e o segredo da sua organização, ou cole um token de acesso.',
  account: 'Conta…',
  signIn: 'Iniciar sessão…',
  openTaskTitle: 'Abrir uma tarefa',
  openTaskHow: 'Pelo ID da tarefa ou pelo seu ID externo.',
  signInFirst: 'Inicie sessão primeiro.',
  openTask: 'Abrir tarefa…',
  openFileTitle: 'Abrir uma exportação guardada',
  openFileHow: 'Uma exportação de transcrição (.json) guardada a partir do SmartDocumentor ou pelo {sdte}.',
  chooseFile: 'Escolher ficheiro…',
  openDocumentTitle: 'Abrir uma tarefa de documento',
  openDocumentHow: 'Os dados extraídos de um documento ao lado das suas páginas, por ID ou a partir de uma exportação guardada.',
  openDocument: 'Abrir documento…',
  sampleTitle: 'Experimentar o exemplo',
  sampleHow: 'Uma gravação curta com a sua transcrição, para conhecer o editor sem iniciar sessão.',
  openSample: 'Abrir tarefa de exemplo'
}
