/** The start screen. */
export const start = {
  tagline: 'Review SmartDocumentor transcripts against the recording, fix them, and export subtitles.',
  getStarted: 'Get started',
  signInTitle: 'Sign in',
  signedInTo: 'Signed in to {url}.',
  signedInToSessionOnly: 'Signed in to {url} (for this session only: no system keychain).',
  signInHow: "Use your organisation's Client ID and Secret, or paste an access token.",
  account: 'Account…',
  signIn: 'Sign in…',
  openTaskTitle: 'Open a task',
  openTaskHow: 'By task id or by your external id.',
  signInFirst: 'Sign in first.',
  openTask: 'Open task…',
  openFileTitle: 'Open a saved export',
  openFileHow: 'A transcript export (.json) saved from SmartDocumentor or by {sdte}.',
  chooseFile: 'Choose file…',
  openDocumentTitle: 'Open a document task',
  openDocumentHow: "A document's extracted data beside its pages, by id or from a saved export.",
  openDocument: 'Open document…',
  sampleTitle: 'Try the sample',
  sampleHow: 'A short recording with its transcript, to learn the editor without signing in.',
  openSample: 'Open sample task'
}
