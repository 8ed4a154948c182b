import type { MessageShape } from '../../shape'
import type { openTask as en } from '../en/open-task'

/** A caixa de diálogo para abrir uma tarefa. */
export const openTask: MessageShape<typeof en> = {
  title: 'Abrir uma tarefa de transcrição',
  findBy: 'Procurar a tarefa por',
  taskId: 'ID da tarefa',
  externalId: 'ID externo',
  taskIdField: 'ID da tarefa no SmartDocumentor',
  externalIdField: 'O seu ID externo',
  badTaskId: 'O ID de uma tarefa é um número inteiro, p. ex. 1001. Use «ID externo» para os seus próprios identificadores.',
  recentTasks: 'Tarefas recentes',
  recent: 'Recentes'
}
