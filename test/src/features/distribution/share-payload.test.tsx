import { render, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { withReferral, referralQuery } from '@/features/distribution/lib/share-link'
import { cardShareTarget } from '@/features/distribution/lib/card-share'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share.weapp'
import type { ShareTarget } from '@/features/distribution/lib/share-target'
import { useLaunchReferral } from '@/lib/launch-referral.weapp'
import { findReferralSource, parseSearch } from '@/lib/referral'
import { routes } from '@/lib/routes'
import { useReferral } from '@/stores/referral'
import { renderWithApp } from '../../../support/render-app'
import { KOL, signInAs } from './card-support'

// WeChat calls the page's onShareAppMessage / onShareTimeline when the member shares; here the
// hooks hand their callbacks to the test, which calls them the same way.
const mockShare: {
  appMessage?: () => { title?: string; path?: string }
  timeline?: () => { title?: string; query?: string }
} = {}
const mockLaunch: { query: Record<string, string> } = { query: {} }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return {
    ...actual,
    __esModule: true,
    default: actual.default,
    useShareAppMessage: (callback: () => { title?: string; path?: string }) => {
      mockShare.appMessage = callback
    },
    useShareTimeline: (callback: () => { title?: string; query?: string }) => {
      mockShare.timeline = callback
    },
    useLaunch: (callback: (options: { query: Record<string, string> }) => void) => callback(mockLaunch),
  }
})

function SharingPage({ target }: { target: ShareTarget }): ReactElement | null {
  useReferralShare(target)
  return null
}

afterEach(() => {
  delete mockShare.appMessage
  delete mockShare.timeline
})

describe('share payloads (weapp)', () => {
  test("a distributor's share of home carries their code to chats and to Moments", async () => {
    const { api } = await signInAs(KOL.persona)
    renderWithApp(<SharingPage target={{ path: routes.home, title: 'FanLoop' }} />)
    await waitFor(() => expect(mockShare.appMessage?.().path).toBe(`/pages/home/index?ref=${KOL.code}`))
    expect(mockShare.appMessage?.().title).toBe('FanLoop')
    expect(mockShare.timeline?.()).toEqual({ title: 'FanLoop', query: `ref=${KOL.code}` })
    // Sharing pays nothing: nothing but reads went to the server.
    expect(api.sent.filter((call) => call.method !== 'GET' && !call.path.includes('/__mock/'))).toEqual([])
  })

  test("a gift page's share keeps the gift and adds the code", async () => {
    await signInAs(KOL.persona)
    renderWithApp(<SharingPage target={{ path: routes.gift, query: 'id=gift-tote', title: '帆布袋' }} />)
    await waitFor(() =>
      expect(mockShare.appMessage?.().path).toBe(`/packages/mall/gift/index?id=gift-tote&ref=${KOL.code}`),
    )
    expect(mockShare.timeline?.().query).toBe(`id=gift-tote&ref=${KOL.code}`)
  })

  test("the card page's share binds a friend as the card's fan (名片), not a link's", async () => {
    await signInAs(KOL.persona)
    renderWithApp(<SharingPage target={cardShareTarget('邀请你一起加入 FanLoop')} />)
    await waitFor(() => expect(mockShare.appMessage?.().path).toBe(`/pages/home/index?src=card&ref=${KOL.code}`))
    const [, chatQuery = ''] = (mockShare.appMessage?.().path ?? '').split('?')
    expect(findReferralSource(parseSearch(chatQuery))).toBe('card')
    expect(findReferralSource(parseSearch(mockShare.timeline?.().query ?? ''))).toBe('card')
  })

  test('a member without a code shares the plain page', async () => {
    await signInAs('new-member')
    const { unmount } = renderWithApp(<SharingPage target={{ path: routes.home }} />)
    await waitFor(() => expect(mockShare.appMessage).toBeDefined())
    expect(mockShare.appMessage?.().path).toBe('/pages/home/index')
    expect(mockShare.timeline?.().query).toBe('')
    unmount()
  })
})

describe('the share path helpers', () => {
  test('add the code, replacing a ref already there, and leave other parameters', () => {
    expect(withReferral('/pages/home/index', 'LINA88')).toBe('/pages/home/index?ref=LINA88')
    expect(withReferral('/packages/mall/gift/index?id=g1&ref=OLD1', 'LINA88')).toBe(
      '/packages/mall/gift/index?id=g1&ref=LINA88',
    )
    expect(withReferral('/pages/home/index?x=1', null)).toBe('/pages/home/index?x=1')
    expect(referralQuery('', 'LINA88')).toBe('ref=LINA88')
    expect(referralQuery('id=g1', null)).toBe('id=g1')
  })
})

describe('launched from a mini-program code (weapp)', () => {
  function Launch(): null {
    useLaunchReferral()
    return null
  }

  test('the scene r=CODE is captured like a ?ref= link, first touch kept', () => {
    mockLaunch.query = { scene: encodeURIComponent(`r=${KOL.code}`) }
    render(<Launch />)
    expect(useReferral.getState()).toMatchObject({ capturedCode: KOL.code, capturedSource: 'scene' })
    mockLaunch.query = { ref: 'MIAO66' }
    render(<Launch />)
    expect(useReferral.getState()).toMatchObject({ capturedCode: KOL.code, capturedSource: 'scene' })
  })

  test('the binding source follows how the code came: card QR, link, or mini-program code', () => {
    expect(findReferralSource({ ref: KOL.code, src: 'card' })).toBe('card')
    expect(findReferralSource({ ref: KOL.code })).toBe('link')
    expect(findReferralSource({ ref: KOL.code, src: 'anything' })).toBe('link')
    expect(findReferralSource({ scene: 'r%3DLINA88' })).toBe('scene')
  })

  test('a scene without a well-formed code captures nothing', () => {
    mockLaunch.query = { scene: encodeURIComponent('r=<b>') }
    render(<Launch />)
    expect(useReferral.getState().capturedCode).toBeNull()
  })
})
