import type { MessageShape } from '../../shape'
import type { signIn as en } from '../en/sign-in'

/** A caixa de diálogo de início de sessão. */
export const signIn: MessageShape<typeof en> = {
  title: 'Iniciar sessão no SmartDocumentor',
  signedInWithToken: 'Sessão iniciada em {url} com um token de acesso.',
  signedInWithClient: 'Sessão iniciada em {url} com um ID de cliente e segredo.',
  signOut: 'Terminar sessão',
  how: 'Como pretende iniciar sessão?',
  clientCredentials: 'ID de cliente e segredo',
  accessToken: 'Token de acesso',
  clientId: 'ID de cliente',
  clientSecret: 'Segredo do cliente',
  server: 'Servidor',
  baseUrl: 'URL base',
  timeout: 'Tempo limite do pedido (segundos)',
  timeoutHelp: 'Quanto tempo esperar pela resposta a cada pedido antes de desistir ({min}–{max} s; predefinição {default}). Aumente-o para tarefas muito grandes ou uma ligação lenta.',
  timeoutProblem: 'Introduza segundos inteiros de {min} a {max}.',
  timeoutSaved: 'Guardado: cada pedido pode demorar até {seconds} s.',
  keychainNote: 'O seu segredo é cifrado com o porta-chaves do sistema e nunca volta a ser mostrado. Onde não existe porta-chaves, é guardado apenas nesta sessão.',
  connectionWorks: 'A ligação funciona.',
  connectionWorksUntil: 'A ligação funciona. Um token é válido até às {time}.',
  testing: 'A testar a ligação…',
  signingIn: 'A iniciar sessão…',
  testConnection: 'Testar ligação',
  submit: 'Iniciar sessão'
}
