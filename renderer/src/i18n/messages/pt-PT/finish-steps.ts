import type { MessageShape } from '../../shape'
import type { finishSteps as en } from '../en/finish-steps'

/** Os passos de Concluir revisão: os nomes e o que aconteceu em cada um. */
export const finishSteps: MessageShape<typeof en> = {
  changeSet: 'Conjunto de alterações',
  sendSpeakers: 'Enviar oradores',
  markReviewed: 'Marcar como revista',
  saved: '{name} guardado',
  savedBoth: '{json} e {csv} guardados',
  retryStep: '{reason} Repita este passo.',
  notCompared: 'Não foi possível comparar os oradores.',
  retryOrPlan: '{reason} Tente de novo, ou use Enviar oradores… para ver o plano.',
  notSent: 'Não enviado.',
  retryOrSend: '{reason} Tente de novo, ou use Enviar oradores….',
  someNotSent: 'Algumas alterações de oradores não chegaram à plataforma; repita este passo ou use Enviar oradores….',
  alreadyThere: 'A plataforma já tem estes oradores.',
  changesSent: 'Nenhuma alteração de oradores enviada. | Uma alteração de oradores enviada. | {n} alterações de oradores enviadas.',
  marked: 'Marcada como “{value}” no servidor.',
  notMarked: 'Não marcada.',
  notPlatform: 'Não é uma tarefa da plataforma, ou não tem sessão iniciada: oradores não enviados, tarefa não marcada.',
  filterJson: 'Conjunto de alterações (JSON)',
  filterCsv: 'Conjunto de alterações (CSV)'
}
