/** What the reviewer is told for each error code, and what to do next (lib/error-messages.ts). */
export const errors = {
  unauthorized: { title: 'Not signed in', nextStep: 'Sign in again with a valid Client ID and Secret, or paste a fresh access token.' },
  not_found: { title: 'Not found', nextStep: 'Check the task id or external id, and that the task belongs to your organisation.' },
  bad_request: { title: 'That request was not accepted', nextStep: 'Check what you entered and try again.' },
  network: { title: 'Cannot reach SmartDocumentor', nextStep: 'Check your internet connection or the server address in sign-in, then retry.' },
  timeout: { title: 'The server took too long', nextStep: 'Retry in a moment. Large tasks or a slow connection may need a longer request timeout: Sign in → Server.' },
  server: { title: 'SmartDocumentor had a problem', nextStep: 'Retry in a few minutes. If it keeps failing, open the logs folder from Help and contact support.' },
  invalid_response: { title: 'The data could not be read', nextStep: 'The task or file has an unexpected shape. Report it with the logs (Help → Open Logs Folder).' },
  cancelled: { title: 'Cancelled', nextStep: 'Nothing was changed.' },
  io: { title: 'Could not read or write a file', nextStep: 'Check the folder exists, you may write to it, and the disk has space.' },
  conflict: { title: 'Out of step', nextStep: 'The app sends the whole draft again on its own; nothing was lost.' }
}
