/** Words used across the app (buttons, states). */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  dismiss: 'Dismiss',
  retry: 'Try again',
  save: 'Save',
  open: 'Open',
  loading: 'Loading…',
  language: 'Language',
  languageSystem: 'System ({language})',
  languageNames: { en: 'English', 'pt-PT': 'Português (Portugal)' }
}
