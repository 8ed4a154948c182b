import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { installFakeSdte, type FakeSdte } from './support/fake-sdte'
import { useSessionStore } from '../../renderer/src/stores/session-store'
import SignInDialog from '../../renderer/src/components/SignInDialog.vue'

/*
 * Nothing typed is lost to a wrong address: a sign-in that fails because the address is wrong (main
 * says "no sign-in service at this address") keeps what the reviewer typed; a refused secret is
 * cleared to be typed again.
 */

let fake: FakeSdte
let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  fake.handlers['settings:setRequestTimeout'] = (payload) => ({ ok: true, value: { baseUrl: '', requestTimeoutSeconds: (payload as { seconds: number }).seconds } })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function fillAndSubmit(): Promise<VueWrapper> {
  useSessionStore().requestTimeoutSeconds = 30
  wrapper = mount(SignInDialog, { attachTo: document.body })
  await flushPromises()
  await wrapper.get('[name="baseUrl"]').setValue('https://wrong.example.test/not-the-api')
  await wrapper.get('[name="clientId"]').setValue('client-a')
  await wrapper.get('[name="clientSecret"]').setValue('typed-secret')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return wrapper
}

const field = (w: VueWrapper, name: string) => (w.get(`[name="${name}"]`).element as HTMLInputElement).value

describe('SignInDialog after a failed sign-in', () => {
  it('keeps the typed fields when there is no sign-in service at the address', async () => {
    fake.handlers['auth:signIn'] = () => ({ ok: false, error: { code: 'bad_request', message: 'No sign-in service at this address (https://wrong.example.test/connect/token answered HTTP 404); check the base URL' } })
    const w = await fillAndSubmit()
    expect(w.get('[role="alert"]').text()).toContain('No sign-in service at this address')
    expect(w.get('[role="alert"]').text()).not.toContain('valid Client ID and Secret')
    expect([field(w, 'baseUrl'), field(w, 'clientId'), field(w, 'clientSecret')]).toEqual(['https://wrong.example.test/not-the-api', 'client-a', 'typed-secret'])
    expect(w.emitted('close')).toBeUndefined()
  })

  it('clears the secret the server refused, and keeps the rest', async () => {
    fake.handlers['auth:signIn'] = () => ({ ok: false, error: { code: 'unauthorized', message: 'Client ID or secret is wrong or has expired' } })
    const w = await fillAndSubmit()
    expect([field(w, 'baseUrl'), field(w, 'clientId'), field(w, 'clientSecret')]).toEqual(['https://wrong.example.test/not-the-api', 'client-a', ''])
  })
})
