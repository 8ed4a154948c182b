import type { MessageShape } from '../../shape'
import type { cueWave as en } from '../en/cue-wave'

/** As legendas na forma de onda: legendas como regiões, as margens arrastadas, marcas das falhas de QC. */
export const cueWave: MessageShape<typeof en> = {
  lane: 'Falhas de QC na gravação',
  mark: 'Legenda {n}: {what}',
  marks: 'Legenda {n} e mais {more} perto: {what}',
  refusedLocked: 'Esta legenda está bloqueada nos seus tempos: desbloqueie-a para mover as margens.',
  refusedNoRoom: 'Não há espaço para mover esta margem: a legenda seguinte ou o intervalo mínimo impedem-no.',
  refusedNoCue: 'Essa legenda não tem palavras a que prender a alteração.',
  refusedChanged: 'As legendas mudaram enquanto arrastava: tente de novo.',
  clampedNeighbour: 'A margem parou em {time}: a legenda vizinha e o intervalo mínimo não deixam mais espaço.',
  clampedSelf: 'A margem parou em {time}: uma legenda dura pelo menos uma imagem.',
  clampedNudge: 'A margem parou em {time}: uma margem move-se no máximo {limit} s de onde as palavras a põem.'
}
