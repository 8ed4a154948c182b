import type { MessageShape } from '../../shape'
import type { notices as en } from '../en/notices'

/** Textos construídos em shared/ como códigos e parâmetros (avisos, falhas de QC, razões). */
export const notices: MessageShape<typeof en> = {
  qc: {
    'chars-per-line': 'Legenda {cue} em {time}: {figure} caracteres numa linha, acima do limite de {limit}',
    lines: 'Legenda {cue} em {time}: {figure} linhas, acima do limite de {limit}',
    overlap: 'A legenda {cue} em {time} sobrepõe-se à anterior em {figure} ms',
    order: 'A legenda {cue} em {time} começa {figure} ms antes da anterior',
    duration: 'A legenda {cue} em {time} dura {figure} ms; tem de durar pelo menos {limit} ms',
    empty: 'A legenda {cue} em {time} não tem texto',
    'reading-speed': 'Legenda {cue} em {time}: velocidade de leitura de {figure} car./s, acima do limite de {limit} car./s',
    'words-per-minute': 'Legenda {cue} em {time}: {figure} palavras/min, acima do limite de {limit} palavras/min',
    'min-duration': 'Legenda {cue} em {time}: {figure} ms, menos do que o mínimo de {limit} ms',
    'max-duration': 'Legenda {cue} em {time}: {figure} ms, mais do que o máximo de {limit} ms',
    'min-gap': 'Legenda {cue} em {time}: {figure} ms depois da anterior, menos do que o intervalo mínimo de {limit} ms'
  },
  'qc-rule': {
    'chars-per-line': 'caracteres por linha',
    lines: 'linhas',
    overlap: 'sobreposição',
    order: 'ordem',
    duration: 'duração',
    empty: 'vazia',
    'reading-speed': 'velocidade de leitura',
    'words-per-minute': 'palavras por minuto',
    'min-duration': 'duração mínima',
    'max-duration': 'duração máxima',
    'min-gap': 'intervalo mínimo'
  },
  cut: {
    'break-unanchored': 'Uma quebra forçada está presa a uma palavra sem texto; foi ignorada.',
    'nudge-unanchored': 'Um ajuste de tempo está preso a uma palavra sem texto; foi ignorado.',
    'range-unmatched': 'Uma decisão de legendas ({what}) já não corresponde às palavras da transcrição; foi ignorada.',
    'range-refused': 'Uma decisão de legendas ({what}, “{from}” … “{to}”) iria {why}; foi ignorada.',
    what: {
      lock: 'legenda bloqueada',
      'keep-together': 'palavras mantidas juntas'
    },
    why: {
      'forced-break': 'atravessar uma quebra forçada antes de “{word}”',
      annotation: 'atravessar uma legenda de anotação',
      'speaker-change': 'atravessar uma mudança de orador, onde esta predefinição começa uma legenda nova',
      'three-speakers': 'juntar mais de dois oradores',
      'dialogue-too-long': 'não caber numa legenda de diálogo (uma linha por orador)',
      'too-long': 'não caber numa legenda ({lines} linhas de {chars} caracteres)'
    },
    'no-way': 'As decisões de legendas, em conjunto, não deixam forma de cortar as legendas; foram ignoradas.',
    'lock-start-later': 'A legenda bloqueada “{cue}” começa mais tarde do que o bloqueado: ter-se-ia sobreposto à legenda anterior.',
    'lock-end-earlier': 'A legenda bloqueada “{cue}” acaba mais cedo do que o bloqueado: ter-se-ia sobreposto à legenda seguinte.',
    'nudge-in-clamped': 'O ajuste da entrada de “{cue}” foi limitado a {ms} ms: as legendas à volta não deixam mais espaço.',
    'nudge-out-clamped': 'O ajuste da saída de “{cue}” foi limitado a {ms} ms: as legendas à volta não deixam mais espaço.'
  },
  decision: {
    moved: 'A decisão ({what}) em {word} passou para {to}: a sua palavra foi apagada.',
    dropped: 'A decisão ({what}) em {word} foi removida: {why}.',
    word: '“{text}”',
    'no-word': 'nada',
    what: {
      'break-before': 'quebra forçada',
      'keep-together': 'manter juntas',
      nudge: 'ajuste de tempo',
      lock: 'bloqueio da legenda'
    },
    why: {
      'no-follower': 'a sua palavra foi apagada e nenhuma palavra a segue',
      'no-predecessor': 'a sua palavra foi apagada e nenhuma palavra a precede',
      'all-deleted': 'todas as palavras que continha foram apagadas'
    }
  },
  document: {
    'not-an-object': 'Bloco {chunk}, entidade {entity}: não é um objeto; ignorada.',
    'unknown-type': 'A entidade “{name}” tem um tipo desconhecido “{type}”; mostra-se o que contém.',
    'table-without-data': 'A tabela “{name}” não tem dados de tabela.'
  },
  'task-kind': {
    template: 'modelo da área de trabalho “{name}”',
    'peer-task-type': 'mesmo tipo de tarefa ({value}) que a área de trabalho {workspace} (modelo “{name}”)',
    'peer-template-type': 'mesmo tipo de modelo ({value}) que a área de trabalho {workspace} (modelo “{name}”)',
    described: 'área de trabalho {workspace}: {template}',
    'described-numbers': 'área de trabalho {workspace}: {template}, {numbers}',
    'template-named': 'modelo “{name}”',
    'no-template-name': 'sem nome de modelo',
    'task-type': 'tipo de tarefa {value}',
    'template-type': 'tipo de modelo {value}',
    'both-types': 'tipo de tarefa {taskType}, tipo de modelo {templateType}',
    'no-workspace': 'o servidor não indicou em que área de trabalho está a tarefa',
    'not-listed': 'a área de trabalho {workspace} não está entre as listadas',
    unreadable: 'não foi possível ler as áreas de trabalho'
  }
}
