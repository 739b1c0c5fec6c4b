import Taro from '@tarojs/taro'
import { useReferral } from '@/stores/referral'

describe('session and referral survive a restart', () => {
  test('a token written by one app start is there at the next', async () => {
    const first = await import('@/stores/session')
    first.useSession.getState().signedIn('token-abcdefghijklmnop')
    const installId = first.useSession.getState().installId
    let restarted: typeof first | undefined
    jest.isolateModules(() => {
      restarted = jest.requireActual<typeof first>('@/stores/session')
    })
    expect(restarted?.useSession).not.toBe(first.useSession)
    expect(restarted?.useSession.getState().token).toBe('token-abcdefghijklmnop')
    // The same phone stays the same mock member across sign-ins.
    expect(restarted?.useSession.getState().installId).toBe(installId)
  })

  test('the first referral code is kept until a sign-in sends it', () => {
    useReferral.getState().captured('LINA88')
    useReferral.getState().captured('MIAO66')
    expect(useReferral.getState().capturedCode).toBe('LINA88')
    expect(JSON.parse(Taro.getStorageSync('fanloop.referral') as string)).toMatchObject({ state: { capturedCode: 'LINA88' } })
    useReferral.getState().sent()
    expect(useReferral.getState().capturedCode).toBeNull()
  })
})
