import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../../fake-api/server'
import { sampleTranscriptTask } from '../../../fake-api/seeds'
import { createApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'

/* Checking a pasted token (or any credentials) with a real authenticated call to the fake. */
let fake: FakeApi
beforeAll(async () => {
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'c', clientSecret: 's' })
})
afterAll(() => fake.close())

function services() {
  return createApiServices({ secretStore: createMemorySecretStore(false), settingsStore: createMemoryKeyValueStore(), baseUrlOverride: fake.baseUrl })
}

describe('ApiClient.checkAccess', () => {
  it('accepts a live pasted token and lists the workspaces', async () => {
    const s = services()
    s.auth.useCredentials({ mode: 'token', accessToken: fake.issueToken(60) })
    expect(await s.api.checkAccess()).toEqual({ workspaces: 2 })
  })

  it('refuses a wrong or expired token as unauthorized', async () => {
    const s = services()
    s.auth.useCredentials({ mode: 'token', accessToken: 'not-a-token' })
    await expect(s.api.checkAccess()).rejects.toMatchObject({ code: 'unauthorized' })
    const t = services()
    t.auth.useCredentials({ mode: 'token', accessToken: fake.issueToken(60) })
    fake.expireAllTokens()
    await expect(t.api.checkAccess()).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('works with client credentials too (a token is fetched first)', async () => {
    const s = services()
    s.auth.useCredentials({ mode: 'client-credentials', clientId: 'c', clientSecret: 's' })
    expect(await s.api.checkAccess()).toEqual({ workspaces: 2 })
  })
})
