import type { MessageShape } from '../../shape'
import type { editorPanels as en } from '../en/editor-panels'

/** Os painéis, avisos e mensagens do editor (anotações, procurar, menu do orador, rascunho, gravação). */
export const editorPanels: MessageShape<typeof en> = {
  annotations: {
    label: 'Anotações',
    forSelection: 'Para o intervalo selecionado',
    forSegment: 'Para o segmento atual',
    add: 'Adicionar',
    close: 'Fechar as anotações',
    empty: 'Sem anotações. Adicione uma ao segmento atual com o botão.',
    emptyKeys: 'Sem anotações. Adicione uma ao segmento atual com o botão ou {keys}.',
    playFrom: 'Reproduzir a partir de {time}',
    start: 'Início',
    end: 'Fim',
    deleteAt: 'Eliminar a anotação em {time}',
    delete: 'Eliminar',
    text: 'Texto da anotação',
    placeholder: 'Nota…',
    notATimeStart: '"{value}" não é um tempo (use m:ss.t); o início mantém-se em {kept}.',
    notATimeEnd: '"{value}" não é um tempo (use m:ss.t); o fim mantém-se em {kept}.',
    endBeforeStartStart: 'Uma anotação não pode terminar ({end}) antes de começar ({start}); o início mantém-se em {kept}.',
    endBeforeStartEnd: 'Uma anotação não pode terminar ({end}) antes de começar ({start}); o fim mantém-se em {kept}.'
  },
  download: {
    fetching: 'A obter a gravação…',
    cancelling: 'A cancelar a transferência…',
    progress: '{received} de {total} MB ({percent}%)',
    received: '{received} MB',
    label: 'Progresso da transferência',
    cancelTitle: 'Parar a transferência (Escape enquanto este botão tem o foco)'
  },
  attach: {
    cancelled: 'A transferência da gravação foi cancelada.',
    tailCancelled: 'Pode continuar a editar a transcrição; transfira-a de novo ou anexe uma cópia local.',
    downloadAgain: 'Transferir de novo',
    label: 'Gravação',
    confirm: 'Esta exportação foi aberta a partir de um ficheiro. A gravação está em {host}: descarregá-la daí?',
    anotherServer: 'outro servidor',
    none: 'Esta tarefa não tem gravação associada.',
    expired: 'A ligação para a gravação expirou e a gravação não está na cache local.',
    missing: 'Não foi possível encontrar a gravação: foi eliminada ou movida.',
    error: 'Não foi possível abrir a gravação.',
    errorWhy: 'Não foi possível abrir a gravação: {message}',
    tailConfirm: 'Ou associe uma cópia local.',
    tail: 'Pode continuar a editar a transcrição; associe uma cópia local para a ouvir.',
    downloading: 'A descarregar…',
    downloadFrom: 'Descarregar de {host}',
    refreshing: 'A obter uma nova ligação…',
    refresh: 'Obter uma nova ligação',
    attaching: 'A associar…',
    attach: 'Associar a gravação…'
  },
  coverage: {
    title: '{percent} da gravação ouvida, até {rate}× — clique para reproduzir a partir daí; trecho seguinte por ouvir',
    label: 'Áudio ouvido: {percent}',
    readFailed: 'Não foi possível ler o estado da revisão: {message}',
    notSaved: 'Cobertura não guardada: {message}'
  },
  draft: {
    label: 'Rascunho guardado',
    savedAt: 'Existe um rascunho guardado em {when}.',
    exportChanged: 'A exportação no servidor mudou desde que esse rascunho começou; ambos são mantidos: restaurar abre o rascunho, descartar elimina-o e mantém a nova exportação.',
    restoreToContinue: 'Restaure-o para continuar onde ficou.',
    readOnly: 'A transcrição fica só de leitura até escolher.',
    restore: 'Restaurar rascunho',
    discard: 'Descartar'
  },
  find: {
    label: 'Procurar e substituir',
    find: 'Procurar',
    replaceWith: 'Substituir por',
    regex: 'Expr. regular',
    wholeWord: 'Palavra inteira',
    matchCase: 'Maiúsc./minúsc.',
    withinSpeaker: 'No orador',
    allSpeakers: 'Todos os oradores',
    invalid: 'Expressão inválida',
    position: '{current} de {total}',
    noMatches: 'Sem resultados',
    previous: 'Resultado anterior',
    previousTitle: 'Resultado anterior (Shift+Enter)',
    next: 'Resultado seguinte',
    nextTitle: 'Resultado seguinte (Enter)',
    replace: 'Substituir',
    replaceAll: 'Substituir todos',
    close: 'Fechar procurar e substituir',
    closeTitle: 'Fechar (Esc)',
    replacedOne: 'Um substituído.',
    replaced: 'Substituídos {matches} em {segments} (um só passo para anular).',
    matches: 'nenhum resultado | {n} resultado | {n} resultados',
    segments: 'nenhum segmento | {n} segmento | {n} segmentos',
    nothingReplaced: 'Nada substituído.'
  },
  filter: {
    show: 'Mostrar',
    showSegments: 'Mostrar segmentos',
    shown: '{n} visíveis',
    all: 'Todos os segmentos',
    unreviewed: 'Por rever',
    secondPass: 'Segunda revisão',
    notes: 'Com notas',
    queue: 'Com itens na fila'
  },
  note: {
    label: 'Nota do segmento (Enter guarda, Escape cancela, no máximo {max} carateres)',
    placeholder: 'Nota para este segmento',
    edit: 'Editar a nota'
  },
  status: {
    unreviewed: 'Por rever',
    reviewed: 'Revisto',
    secondPass: 'Segunda revisão',
    title: '{status} — clique para o estado seguinte',
    label: 'Estado: {status}. Mudar o estado'
  },
  speakerMenu: {
    label: 'Orador',
    rename: 'Mudar o nome deste orador…',
    merge: 'Juntar este orador a…',
    add: 'Novo orador…',
    workspace: 'Oradores da área de trabalho…',
    renameTo: 'Mudar “{name}” para:',
    assignHeading: 'O orador deste segmento (os novos juntam-se à tarefa):',
    mergeInto: 'Juntar a',
    mergeHint: 'Todas as intervenções de “{name}” passam para:',
    newName: 'Novo nome (muda em todo o lado)',
    newSpeakerName: 'Nome do novo orador',
    renameButton: 'Mudar o nome',
    addAndAssign: 'Adicionar e atribuir',
    pickWorkspace: 'Escolher um orador da área de trabalho…'
  },
  workspacePicker: {
    filter: 'Filtrar os oradores da área de trabalho',
    typeToFilter: 'Escreva para filtrar',
    list: 'Oradores da área de trabalho',
    inTask: 'nesta tarefa',
    noMatch: 'Nenhum orador da área de trabalho corresponde a “{query}”.',
    reading: 'A ler a lista…',
    readAgain: 'Ler a lista de novo',
    readFailed: 'Não foi possível ler a lista de oradores da área de trabalho ({message})'
  },
  notices: {
    addAtPlayhead: 'Adicionar um segmento na posição de reprodução',
    hideList: 'Ocultar a lista',
    showWhere: 'Mostrar onde ({n})',
    fixed: 'O que foi corrigido'
  },
  wordMarks: {
    label: 'Marcas nas palavras',
    lowTitle: 'Palavras de que o reconhecedor não tinha a certeza: verifique-as primeiro (N vai para a seguinte)',
    sample: 'palavra',
    lowBelow: 'Baixa confiança, abaixo de',
    threshold: 'Limiar de baixa confiança (%)',
    estimatedTitle: 'Palavras sem tempo na exportação: o tempo foi estimado a partir das palavras à volta',
    estimated: 'Tempo estimado',
    lowWord: 'Baixa confiança: {confidence} (abaixo de {threshold})',
    estimatedWord: 'Tempo estimado: esta palavra não tinha tempo próprio na exportação'
  },
  unnamedSpeaker: 'Orador sem nome',
  loopedRange: 'Intervalo em repetição',
  saveFailure: {
    diskFull: 'disco cheio',
    quota: 'quota do disco atingida',
    readOnly: 'o disco é só de leitura',
    permission: 'sem permissão para escrever na pasta dos rascunhos',
    io: 'o disco comunicou um erro',
    unknown: 'erro desconhecido'
  },
  peaks: {
    notObject: 'A resposta dos níveis da onda sonora não é um objeto.',
    noDuration: 'A resposta dos níveis da onda sonora não tem duração.',
    noLevels: 'A resposta dos níveis da onda sonora não indica níveis.',
    badLevel: 'O nível {k} da onda sonora não tem taxa nem comprimento.',
    peaksHttp: 'Não foi possível ler os picos da onda sonora (HTTP {status}).',
    levelsHttp: 'Não foi possível ler os níveis da onda sonora (HTTP {status}).'
  }
}
