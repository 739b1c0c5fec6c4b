import Taro from '@tarojs/taro'
import { currentRoute, goToSignIn, returnAfterSignIn, routes } from '@/lib/routes'

// Sign-in brings a visitor back to the page they were on, query and all. On H5, Taro's router answers the page
// (getCurrentPages) with empty options: the query is only in the address bar.

const GIFT = '/packages/mall/gift/index?id=gift-tote'

/** The address bar, as the H5 router left it. */
const at = (url: string) => window.history.replaceState(null, '', url)
/** The top page as the router answers it; Taro's H5 router gives it no options. */
const onPage = (route: string, options: Record<string, string> = {}) =>
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route, options }] as never)

/** What the sign-in page does with the URL it was opened with. */
const signInWith = (url: string) => {
  const [path, query = ''] = url.split('?')
  expect(path).toBe(routes.signIn)
  const returnTo = new URLSearchParams(query).get('returnTo') ?? undefined
  returnAfterSignIn(returnTo)
}

let navigateTo: jest.SpyInstance
let redirectTo: jest.SpyInstance
let switchTab: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
})
afterEach(() => {
  jest.restoreAllMocks()
  at('/')
})

describe('currentRoute on H5: the address bar', () => {
  test('keeps the query the page options lack', () => {
    onPage('packages/mall/gift/index')
    at(GIFT)
    expect(currentRoute()).toBe(GIFT)
  })

  test('a page opened directly (nothing in the stack yet) is the address bar too', () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    at(GIFT)
    expect(currentRoute()).toBe(GIFT)
  })

  test("leaves out the router's own keys and keeps each value whole", () => {
    onPage('packages/orders/product/index')
    at('/packages/orders/product/index?id=p-serum&stamp=3&ref=A%26B%20C')
    expect(currentRoute()).toBe(`/packages/orders/product/index?id=p-serum&ref=${encodeURIComponent('A&B C')}`)
  })

  test('a hash router’s address, and the bare origin as the home page', () => {
    onPage('packages/mall/gift/index')
    at(`/#${GIFT}`)
    expect(currentRoute()).toBe(GIFT)
    jest.restoreAllMocks()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    at('/')
    expect(currentRoute()).toBe(routes.home)
  })

  test('an address bar that is another page: the page and its own options', () => {
    onPage('packages/community/challenge/index', { id: 'ev-1' })
    at('/')
    expect(currentRoute()).toBe('/packages/community/challenge/index?id=ev-1')
  })
})

describe('currentRoute on the mini-program: the page options', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  test('are the query, without the runtime’s timestamp', () => {
    onPage('packages/mall/gift/index', { id: 'gift-tote', $taroTimestamp: '1700000000000' })
    expect(currentRoute()).toBe(GIFT)
  })
})

describe('goToSignIn and back', () => {
  test('a visitor on a gift goes to sign-in with the gift’s query and comes back to the same gift', () => {
    onPage('packages/mall/gift/index')
    at(GIFT)
    goToSignIn()
    const url = navigateTo.mock.calls[0]?.[0]?.url as string
    expect(url).toBe(`${routes.signIn}?returnTo=${encodeURIComponent(GIFT)}`)
    signInWith(url)
    expect(redirectTo).toHaveBeenCalledWith({ url: GIFT })
  })

  test('a tab comes back by switchTab, without a query it cannot take', () => {
    onPage('pages/mall/index')
    at('/pages/mall/index?from=share')
    goToSignIn()
    signInWith(navigateTo.mock.calls[0]?.[0]?.url as string)
    expect(switchTab).toHaveBeenCalledWith({ url: routes.mall })
    expect(redirectTo).not.toHaveBeenCalled()
  })

  test('does nothing on the sign-in page itself', () => {
    onPage('packages/auth/sign-in/index')
    at(`${routes.signIn}?returnTo=${encodeURIComponent(GIFT)}`)
    goToSignIn()
    expect(navigateTo).not.toHaveBeenCalled()
  })

  test.each([['https://evil.example/x'], ['//evil.example'], ['javascript:alert(1)'], [routes.signIn], [undefined]])(
    'a returnTo that is not a page of this app goes home: %s',
    (returnTo) => {
      returnAfterSignIn(returnTo)
      expect(switchTab).toHaveBeenCalledWith({ url: routes.home })
      expect(redirectTo).not.toHaveBeenCalled()
    },
  )
})
