import type { MessageShape } from '../../shape'
import type { errors as en } from '../en/errors'

/** O que se diz ao revisor para cada código de erro, e o que fazer a seguir. */
export const errors: MessageShape<typeof en> = {
  unauthorized: { title: 'Sessão não iniciada', nextStep: 'Inicie sessão de novo com um ID de cliente e segredo válidos, ou cole um token de acesso novo.' },
  not_found: { title: 'Não encontrado', nextStep: 'Verifique o ID da tarefa ou o ID externo, e se a tarefa pertence à sua organização.' },
  bad_request: { title: 'O pedido não foi aceite', nextStep: 'Verifique o que introduziu e tente de novo.' },
  network: { title: 'Não é possível contactar o SmartDocumentor', nextStep: 'Verifique a ligação à Internet ou o endereço do servidor no início de sessão e tente de novo.' },
  timeout: { title: 'O servidor demorou demasiado', nextStep: 'Tente de novo daqui a pouco. Tarefas grandes ou uma ligação lenta podem precisar de um tempo limite maior: Iniciar sessão → Servidor.' },
  server: { title: 'O SmartDocumentor teve um problema', nextStep: 'Tente de novo dentro de alguns minutos. Se continuar a falhar, abra a pasta de registos no menu Ajuda e contacte o suporte.' },
  invalid_response: { title: 'Não foi possível ler os dados', nextStep: 'A tarefa ou o ficheiro tem uma forma inesperada. Comunique-o com os registos (Ajuda → Abrir pasta de registos).' },
  cancelled: { title: 'Cancelado', nextStep: 'Nada foi alterado.' },
  io: { title: 'Não foi possível ler ou escrever um ficheiro', nextStep: 'Verifique se a pasta existe, se tem permissão para escrever nela e se o disco tem espaço.' },
  conflict: { title: 'Fora de sincronia', nextStep: 'A aplicação volta a enviar o rascunho inteiro por si; nada se perdeu.' }
}
