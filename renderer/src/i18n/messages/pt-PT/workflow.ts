import type { MessageShape } from '../../shape'
import type { workflow as en } from '../en/workflow'

/** Fluxo de revisão: marcar uma tarefa como revista, enviar oradores, abrir tarefas. */
export const workflow: MessageShape<typeof en> = {
  markTitle: 'Definir o estado externo da tarefa no SmartDocumentor como “{value}”',
  marking: 'A marcar…',
  markReviewed: 'Marcar como revista',
  statusEditLabel: 'Estado de revisão: {value}. Alterar…',
  asValue: 'como “{value}”',
  reviewStatus: 'Estado de revisão',
  save: 'Guardar',
  cancel: 'Cancelar',
  markedShort: '✓ Marcada',
  marked: 'Marcada “{value}” no servidor.',
  notMarked: 'Não marcada: {message}',
  statusEmpty: 'O estado de revisão não pode estar vazio.',
  statusTooLong: 'O estado de revisão tem no máximo {max} carateres.',
  speakers: {
    title: 'Enviar oradores para o SmartDocumentor',
    comparing: 'A comparar com os oradores no servidor…',
    nothing: 'O servidor já tem estes oradores ({n} sem alterações). Nada a enviar.',
    lead: 'Estas alterações vão ser feitas aos oradores da tarefa {task} no servidor{unchanged}:',
    leadUnchanged: ' ({n} sem alterações)',
    kinds: { add: 'Adicionados', rename: 'Renomeados', remove: 'Removidos', merge: 'Fundidos' },
    outcomes: { done: 'Feito', already: 'Já estava', failed: 'Falhou', unknown: 'Sem resposta', 'not-attempted': 'Não tentado' },
    fields: { name: 'nome', prefix: 'prefixo', suffix: 'sufixo' },
    noName: '(sem nome)',
    into: 'em',
    mergedNote: '(apagado no servidor: as suas intervenções já pertencem a {name})',
    removedNote: '(já não está na transcrição)',
    workspaceList: 'A lista de oradores da área de trabalho ({n})',
    sending: 'A enviar…',
    complete: 'O servidor já tem estes oradores.',
    incomplete: 'Algumas alterações não chegaram ao servidor. Nada mais foi alterado; tente de novo para enviar só essas.',
    close: 'Fechar',
    cancel: 'Cancelar',
    tryAgain: 'Tentar de novo',
    send: 'Enviar'
  },
  opening: {
    task: 'A abrir a tarefa {id}…',
    taskExternal: 'A abrir a tarefa "{id}"…',
    sample: 'A abrir a tarefa de exemplo…',
    file: 'A abrir o ficheiro…',
    document: 'A abrir a tarefa de documento {id}…',
    documentExternal: 'A abrir a tarefa de documento "{id}"…'
  },
  documentTask: 'Tarefa de documento'
}
