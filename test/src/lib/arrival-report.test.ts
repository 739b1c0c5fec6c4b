import { renderHook, waitFor } from '@testing-library/react'
import type { Fan } from '@/contract/kol'
import { processMemory, reportArrival, tabMemory } from '@/lib/arrival-report'
import { useLaunchReferral } from '@/lib/launch-referral'
import { findReferralSource, parseSearch } from '@/lib/referral'
import { useSession } from '@/stores/session'
import { installInProcessApi } from '../../support/in-process-api'

type Api = ReturnType<typeof installInProcessApi>

// The in-process server migrates and seeds on the first call: seconds on a loaded machine.
jest.setTimeout(30_000)

const arrivalsSent = (api: Api) => api.sent.filter((item) => item.method === 'POST' && item.path.endsWith('/distribution/arrivals'))

async function linaFans(api: Api): Promise<Fan[]> {
  const { token } = await api.signInPersona('kol-distributor')
  return (await api.call('GET', '/distribution/fans?limit=50', { token })).json.items as Fan[]
}

/** A member signed in on this phone: the persona's token in the session store, as after a sign-in. */
async function signedInAs(api: Api, persona: string): Promise<string> {
  const { token, member } = await api.signInPersona(persona)
  useSession.getState().signedIn(token)
  return member.id as string
}

afterEach(() => {
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('where a referral came from', () => {
  test.each([
    ['a shared link', { ref: 'LINA88' }, 'link'],
    ["the card's QR", { ref: 'LINA88', src: 'card' }, 'card'],
    ["a 分享赚 post's link", { ref: 'LINA88', postId: 'post-7' }, 'post'],
    ['a mini-program code', { scene: 'r%3DLINA88' }, 'scene'],
  ])('%s', (_, query, source) => {
    expect(findReferralSource(query)).toBe(source)
  })
})

describe('a signed-in member opening the app through a referral', () => {
  test('mini-program launch options with a scene: reported once, and the member becomes a fan with source scene', async () => {
    const api = installInProcessApi()
    const memberId = await signedInAs(api, 'new-member')
    const memory = processMemory()
    const launch = { path: 'pages/home/index', query: { scene: 'r%3DLINA88' }, scene: 1047 }

    const result = await reportArrival(launch.query, { memory })
    expect(result).toMatchObject({ isBound: true, reason: null })
    // onShow hands the same entry again (at launch, and when the app comes back): not another arrival.
    expect(await reportArrival(launch.query, { memory })).toBeNull()
    expect(arrivalsSent(api)).toHaveLength(1)
    expect(arrivalsSent(api)[0]?.body).toEqual({ code: 'LINA88', source: 'scene' })
    expect(arrivalsSent(api)[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    const fan = (await linaFans(api)).find((item) => item.member.id === memberId)
    expect(fan).toMatchObject({ source: 'scene', isProtected: true })
  })

  test("a share path with a post's ref reports the post; coming back through another code reports that one", async () => {
    const api = installInProcessApi()
    await signedInAs(api, 'kol-fan')
    const memory = processMemory()
    await reportArrival({ ref: 'LINA88', postId: 'post-1' }, { memory })
    await reportArrival({ scene: 'r%3DMIAO66' }, { memory })
    expect(arrivalsSent(api).map((item) => item.body)).toEqual([
      { code: 'LINA88', source: 'post', postId: 'post-1' },
      { code: 'MIAO66', source: 'scene' },
    ])
  })

  test('H5: the URL the app opened with is reported once per tab, not again on a reload', async () => {
    const api = installInProcessApi()
    const memberId = await signedInAs(api, 'new-member')
    window.history.replaceState(null, '', '/pages/home/index?ref=LINA88&src=card')

    renderHook(() => useLaunchReferral())
    await waitFor(() => expect(arrivalsSent(api)).toHaveLength(1), { timeout: 20_000 })
    expect(arrivalsSent(api)[0]?.body).toEqual({ code: 'LINA88', source: 'card' })
    await waitFor(async () => expect((await linaFans(api)).some((item) => item.member.id === memberId)).toBe(true))

    // A reload of the same tab is the same opening.
    expect(await reportArrival(parseSearch(window.location.search), { memory: tabMemory() })).toBeNull()
    expect(arrivalsSent(api)).toHaveLength(1)
  })

  test('a visitor is not reported (the code goes with the sign-in, also when that entry shows again); nor a URL without a code', async () => {
    const api = installInProcessApi()
    const memory = processMemory()
    expect(await reportArrival({ ref: 'LINA88' }, { memory })).toBeNull()
    await signedInAs(api, 'new-member')
    expect(await reportArrival({ ref: 'LINA88' }, { memory })).toBeNull()
    expect(await reportArrival({ id: 'p-serum' }, { memory: processMemory() })).toBeNull()
    expect(await reportArrival({ ref: '<b>x</b>' }, { memory: processMemory() })).toBeNull()
    expect(arrivalsSent(api)).toEqual([])
  })

  test('a failure is silent: a transient one is retried with the same key, a refusal is not retried', async () => {
    const api = installInProcessApi()
    const memberId = await signedInAs(api, 'new-member')
    api.fail('POST', '/distribution/arrivals', { kind: 'status', status: 503, body: '' }, 1)
    api.fail('POST', '/distribution/arrivals', { kind: 'network' }, 1)

    const result = await reportArrival({ ref: 'LINA88' }, { memory: processMemory(), retryDelayMs: 1 })
    expect(result).toMatchObject({ isBound: true })
    const sent = arrivalsSent(api)
    expect(sent).toHaveLength(3)
    expect(new Set(sent.map((item) => item.headers.get('Idempotency-Key'))).size).toBe(1)
    expect((await linaFans(api)).filter((item) => item.member.id === memberId)).toHaveLength(1)

    api.fail('POST', '/distribution/arrivals', { kind: 'status', status: 401, body: '' }, 1)
    await expect(reportArrival({ ref: 'MIAO66' }, { memory: processMemory(), retryDelayMs: 1 })).resolves.toBeNull()
    expect(arrivalsSent(api)).toHaveLength(4)
  })
})
