import type { MessageShape } from '../../shape'
import type { shortcuts as en } from '../en/shortcuts'

/** As ações e os grupos dos atalhos de teclado, como a ajuda e as definições os mostram (os nomes das teclas não mudam). */
export const shortcuts: MessageShape<typeof en> = {
  groups: { Playback: 'Reprodução', Navigation: 'Navegação', Editing: 'Edição', Speakers: 'Oradores', Other: 'Outros' },
  actions: {
    playPause: 'Reproduzir / pausa',
    skipBack: 'Recuar 5 s',
    skipForward: 'Avançar 5 s',
    slower: 'Mais lento',
    faster: 'Mais rápido',
    loopSegment: 'Repetir o segmento em reprodução (em pausa: o do cursor) / parar a repetição',
    nextSegment: 'Segmento seguinte',
    prevSegment: 'Segmento anterior',
    nextWord: 'Palavra seguinte',
    prevWord: 'Palavra anterior',
    nextLowConfidence: 'Palavra de baixa confiança seguinte',
    prevLowConfidence: 'Palavra de baixa confiança anterior',
    nextUnheard: 'Trecho seguinte da gravação ainda não ouvido (3 s ou mais)',
    cycleFilter: 'Filtro da transcrição: todos → por rever → segunda revisão → com notas',
    backToPlayhead: 'Voltar à posição de reprodução',
    editSegment: 'Editar a palavra / o segmento atual',
    split: 'Dividir o segmento no cursor / na palavra',
    merge: 'Juntar ao segmento seguinte',
    mergePrevious: 'Juntar ao segmento anterior (logo após dividir: volta a uni-lo)',
    newSegment: 'Novo segmento na posição de reprodução (ou no intervalo selecionado na onda)',
    deleteSegment: 'Eliminar o segmento (anular repõe-no)',
    startEarlier: 'O segmento começa 0,1 s mais cedo',
    startLater: 'O segmento começa 0,1 s mais tarde',
    endEarlier: 'O segmento termina 0,1 s mais cedo',
    endLater: 'O segmento termina 0,1 s mais tarde',
    markReviewed: 'Marcar o segmento como revisto',
    cycleStatus: 'Estado do segmento: por rever → revisto → segunda revisão',
    editNote: 'Adicionar ou editar a nota do segmento (Enter guarda, Escape cancela)',
    addAnnotation: 'Adicionar uma anotação',
    undo: 'Anular',
    redo: 'Refazer',
    find: 'Procurar e substituir',
    speaker: 'Orador {n} para o segmento atual (ou as palavras selecionadas)',
    zoomIn: 'Ampliar a onda sonora',
    zoomOut: 'Reduzir a onda sonora',
    export: 'Exportar…',
    help: 'Atalhos de teclado',
    settings: 'Definições dos atalhos'
  },
  or: 'ou',
  help: {
    title: 'Atalhos de teclado',
    change: 'Alterar…',
    hint: 'As teclas sem {mod} são ignoradas enquanto escreve num campo. As letras são mostradas como estão no teclado.',
    all: 'Todos os atalhos'
  },
  settingsDialog: {
    title: 'Definições dos atalhos',
    resetAll: 'Repor todos',
    done: 'Concluído',
    prompt: 'Escolha uma ação e prima as teclas que quer para ela (Escape cancela).',
    optionAlone: 'Option sozinha não pode ser usada: escreve carateres. Acrescente ⌘.',
    altAlone: 'Alt sozinha não pode ser usada: no macOS escreve carateres. Acrescente Ctrl.',
    clash: 'Também usada por outra ação',
    pressNew: 'Prima as novas teclas para {action}',
    pressKeys: 'Prima as teclas…',
    changeFor: 'Alterar as teclas de {action}',
    change: 'Alterar',
    resetFor: 'Repor as teclas de {action}',
    reset: 'Repor'
  },
  hint: {
    tip: 'Dica: cada ação tem uma tecla.',
    press: 'Prima {key} (ou {button} acima da transcrição) para as ver todas;',
    shortcutsButton: 'Atalhos',
    buttons: 'os botões mostram a sua quando aponta para eles.',
    show: 'Mostrar atalhos',
    gotIt: 'Percebi'
  }
}
