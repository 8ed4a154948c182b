import type { MessageShape } from '../../shape'
import type { editorMessages as en } from '../en/editor-messages'

/** O que o editor diz na barra de avisos e o que foi corrigido ao abrir a tarefa. */
export const editorMessages: MessageShape<typeof en> = {
  unreadableTranscript: 'Não foi possível ler a transcrição: {why}',
  unreadableDraft: 'Não foi possível ler o rascunho: {why}',
  draftGone: 'O rascunho já não existe ou não pode ser lido; foi aberta a exportação.',
  draftNotDeleted: 'Não foi possível eliminar o rascunho: {why}',
  keptDraftNotShown: 'Não foi possível mostrar o rascunho mantido: {why}',
  readOnly: 'Escolha primeiro “Restaurar rascunho” ou “Descartar” acima: até lá, a transcrição fica só de leitura.',
  noSpeaker: 'Não existe o orador {n}.',
  noSegmentToDelete: 'Não há nenhum segmento para eliminar.',
  cursorOnSegmentToDelete: 'Ponha primeiro o cursor no segmento a eliminar.',
  noNextToMerge: 'Não há segmento seguinte com que juntar.',
  noPreviousToMerge: 'Não há segmento anterior com que juntar.',
  segmentDeletedKey: 'Segmento eliminado — {key} para anular',
  segmentDeleted: 'Segmento eliminado — Anular repõe-no',
  split: 'Dividir',
  deleteSegment: 'Eliminar segmento',
  noGapAfterPlayheadSegment: 'A posição de reprodução está dentro do segmento em {time} e não há espaço depois dele para um novo segmento. Selecione um intervalo na onda sonora ou divida o segmento em dois com {split}.',
  noRoomAtPlayhead: 'Não há espaço para um novo segmento na posição de reprodução; mova-a para um intervalo livre.',
  movedPastPlayheadSegment: 'A posição de reprodução estava dentro do segmento em {inside}, por isso o novo segmento começa onde ele termina ({start}). Para dividir um segmento em dois, use {split}.',
  emptySelection: 'O intervalo selecionado está vazio; arraste primeiro um intervalo na onda sonora.',
  selectionCoversSegment: 'A seleção cobre todo o segmento em {time}. Para o substituir, elimine-o primeiro com {delete} ou selecione um intervalo mais curto.',
  selectionOverlapsWords: 'A seleção sobrepõe-se às palavras de outro segmento. Selecione um intervalo num espaço entre palavras (um vizinho é encurtado até às suas palavras) ou divida esse segmento em dois com {split}.',
  noMoreLowConfidenceAfter: 'Não há mais palavras de baixa confiança depois desta.',
  noLowConfidenceBefore: 'Não há palavras de baixa confiança antes desta.',
  newSpeakerName: 'Orador 1',
  repairs: {
    summary: 'Corrigido automaticamente ao abrir a tarefa: {parts}. O seu texto não mudou e a exportação fica como veio até editar.',
    goneSegment: '{text} (Esse segmento já não está na transcrição.)',
    where: 'Segmento {n} · {time}',
    count: {
      'segments-unsorted': 'os segmentos repostos por ordem temporal | os segmentos repostos por ordem temporal',
      'segment-overlap': '1 segmento que se sobrepunha ao anterior | {n} segmentos que se sobrepunham ao anterior',
      'words-mismatch': '1 segmento cujos tempos de palavra não correspondiam ao texto | {n} segmentos cujos tempos de palavra não correspondiam ao texto',
      'words-missing': '1 segmento sem tempos de palavra (estimados) | {n} segmentos sem tempos de palavra (estimados)',
      'word-time-missing': '1 segmento com alguns tempos de palavra em falta (estimados) | {n} segmentos com alguns tempos de palavra em falta (estimados)',
      'word-outside-segment': '1 segmento alargado para conter as suas palavras | {n} segmentos alargados para conter as suas palavras',
      'segment-time-missing': '1 segmento sem início ou fim (colocado) | {n} segmentos sem início ou fim (colocados)',
      'unknown-speaker': '1 orador em falta na lista de oradores | {n} oradores em falta na lista de oradores',
      'annotation-time-missing': '1 anotação sem tempo (colocada) | {n} anotações sem tempo (colocadas)',
      'time-out-of-range': 'tempos fora da gravação movidos para o seu limite | tempos fora da gravação movidos para o seu limite',
      'annotation-clamped': '1 anotação movida para dentro da gravação | {n} anotações movidas para dentro da gravação'
    },
    item: {
      'segments-unsorted': 'Os segmentos estavam fora de ordem temporal; são mostrados por ordem temporal.',
      'segment-overlap': 'Sobrepunha-se ao segmento anterior; a fronteira entre eles foi movida.',
      'words-mismatch': 'Os tempos das palavras não correspondiam ao texto; o texto foi mantido e os tempos alinhados com ele.',
      'words-missing': 'Não tinha tempos de palavra; o tempo de cada palavra é estimado.',
      'word-time-missing': 'Algumas palavras não tinham tempo; os tempos são estimados a partir das palavras à volta.',
      'word-outside-segment': 'As palavras passavam do início ou do fim; o segmento foi alargado para as conter.',
      'segment-time-missing': 'Não tinha início ou fim; foi colocado pelas palavras ou pelos segmentos à volta.',
      'unknown-speaker': 'O orador não está na lista de oradores da tarefa; é mostrado como orador desconhecido, cujo nome pode mudar.',
      'time-out-of-range': 'Alguns tempos estavam fora da gravação; foram movidos para o seu limite.'
    },
    annotationPlacedAtTime: 'A anotação {n} não tem início ou fim; foi colocada no tempo que tem.',
    annotationPlacedAtStart: 'A anotação {n} não tem início ou fim; foi colocada no início da gravação.',
    annotationClamped: 'A anotação {n} estava fora da gravação (ou terminava antes de começar) e foi movida para dentro dela.'
  },
  opening: {
    'no-transcript': 'Esta tarefa ainda não tem transcrição. Pode ouvir a gravação e adicionar segmentos, oradores e anotações.',
    'transcript-flat': 'A transcrição veio como uma simples lista de segmentos, sem lista de oradores nem anotações; os segmentos foram lidos como a transcrição.',
    'speaker-without-id': 'Uma entrada de orador não tem speakerId; nenhum segmento pode referir-se a ela e é mantida como estava na exportação JSON. | {n} entradas de orador não têm speakerId; nenhum segmento pode referir-se a elas e são mantidas como estavam na exportação JSON.'
  }
}
