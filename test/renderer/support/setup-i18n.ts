import { config } from '@vue/test-utils'
import { beforeEach } from 'vitest'
import { i18n } from '../../../renderer/src/i18n'

/* Every component test mounts with the app's i18n, in English unless a test switches it. */
config.global.plugins = [...config.global.plugins, i18n]

beforeEach(() => {
  i18n.global.locale.value = 'en'
})
