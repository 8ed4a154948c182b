import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useExportDialogMount } from './support/export-dialog-mount'
import { i18n } from '../../renderer/src/i18n'

/*
 * The export dialog in European Portuguese (issue 20): numbers with a decimal comma, ranges and
 * the messages built in lib/ (export-options, time-input) in Portuguese, and all of it read again
 * when the language changes while the dialog is open.
 */

const { settle, openDialog } = useExportDialogMount()

const hint = (w: VueWrapper, name: string) => w.get(`[data-testid="${name}-hint"]`).text()
const frameRateLabels = (w: VueWrapper) => w.get('[name="frameRate"]').findAll('option').map((o) => o.text())

describe('export dialog in Portuguese', () => {
  it('shows decimal commas, Portuguese ranges and messages, and follows a language change', async () => {
    i18n.global.locale.value = 'pt-PT'
    const w = await openDialog()

    // The QC share with one decimal and a comma; the frame rates too.
    expect(w.get('[data-testid="qc-summary"]').text()).toMatch(/^\d+ legendas · \d+ falhas graves · \d+ ligeiras \(\d+,\d % das legendas\)/)
    expect(frameRateLabels(w)).toContain('23,976 fps')
    expect(hint(w, 'maxCharsPerLine')).toBe('10 a 200')

    // A value out of range: the message built in lib/export-options.ts is Portuguese.
    await w.get('[name="maxCharsPerLine"]').setValue('500')
    await settle()
    expect(hint(w, 'maxCharsPerLine')).toBe('Carateres por linha tem de ser um número inteiro de 10 a 200.')
    // A time that cannot be read: lib/time-input.ts's message.
    await w.get('[name="minDurationMs"]').setValue('1x')
    await settle()
    expect(hint(w, 'minDurationMs')).toBe('"1x" não é um tempo. Use HH:MM:SS:FF, HH:MM:SS.mmm, fotogramas como 12f, ou ms.')

    // Back to English with the dialog open: every text built outside a template follows.
    i18n.global.locale.value = 'en'
    await settle()
    expect(frameRateLabels(w)).toContain('23.976 fps')
    expect(hint(w, 'maxCharsPerLine')).toBe('Characters per line must be a whole number from 10 to 200.')
    expect(w.get('[name="language"]').findAll('option').map((o) => o.text())).toEqual(['English', 'Portuguese'])
  })
})
