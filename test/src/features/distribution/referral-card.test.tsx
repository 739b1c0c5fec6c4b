import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import { ReferralCard } from '@/features/distribution/components/referral-card'
import { tap } from '../../../support/interact'
import { renderWithApp } from '../../../support/render-app'
import { drawnQrModules, expectedQrModules } from './canvas-recorder'
import { installCanvas, KOL, kolCardQrUrl, kolShareUrl, signInAs } from './card-support'

let canvas: ReturnType<typeof installCanvas>

beforeEach(() => {
  canvas = installCanvas()
})
afterEach(() => {
  canvas.restore()
  jest.restoreAllMocks()
  Object.assign(navigator, { canShare: undefined, share: undefined })
})

async function renderDrawnCard() {
  const view = renderWithApp(<ReferralCard />)
  const save = await screen.findByTestId('save-poster')
  await waitFor(() => expect(save.getAttribute('aria-disabled')).toBe('false'))
  return view
}

describe('ReferralCard', () => {
  test("the poster carries the member's code, nickname, level and KOL level, and a QR of their card link", async () => {
    const { api, token } = await signInAs(KOL.persona)
    const card = (await api.call('GET', '/distribution/card', { token })).json as { kolLevel: { name: string } | null }
    expect(card.kolLevel).not.toBeNull()
    await renderDrawnCard()
    const texts = canvas.recorder.texts()
    expect(texts.some((text) => text.endsWith(`KOL ${card.kolLevel?.name}`))).toBe(true)
    expect(texts).toContain(KOL.code)
    expect(texts).toContain(KOL.nickname)
    expect(texts.some((text) => text.startsWith(`${KOL.levelCode} `))).toBe(true)
    expect(drawnQrModules(canvas.recorder.calls)).toEqual(expectedQrModules(kolCardQrUrl()))
    expect(screen.getByTestId('referral-code').textContent).toBe(KOL.code)
    expect(screen.getByTestId('share-url').textContent).toBe(kolShareUrl())
    // The canvas is an image with a name for screen readers.
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(KOL.code)
  })

  test("Lina's poster has the first product's picture in its header and her K1 certificate with its code", async () => {
    const { api, token } = await signInAs(KOL.persona)
    const products = (await api.call('GET', '/products')).json as { items: Array<{ images: string[] }> }
    const certificates = (await api.call('GET', '/certificates', { token })).json as {
      items: Array<{ code: string; kind?: string }>
    }
    const k1 = certificates.items.find((certificate) => certificate.kind === 'kol_level')
    await renderDrawnCard()
    expect(canvas.sources).toContain(products.items[0]?.images[0])
    const header = canvas.recorder.calls.find((call) => call.method === 'drawImage' && call.args.length === 9)
    expect(header?.args.slice(5)).toEqual([0, 0, 320, 170])
    expect(
      canvas.recorder.texts().some((text) => text.includes('新星达人') && text.endsWith(`验证码 ${k1?.code}`)),
    ).toBe(true)
    // She holds a certificate: no "reach N fans" hint.
    expect(screen.queryByTestId('first-certificate')).toBeNull()
  })

  test('a product picture that fails to load still leaves a poster, with a plain header', async () => {
    // The product picture is known once the server answers; the loader asks for it only later.
    const failing = { src: '' }
    canvas.restore()
    canvas = installCanvas((src) => src === failing.src)
    const { api } = await signInAs(KOL.persona)
    const products = (await api.call('GET', '/products')).json as { items: Array<{ images: string[] }> }
    failing.src = products.items[0]?.images[0] ?? ''
    expect(failing.src).toMatch(/^data:image\/svg\+xml/)
    await renderDrawnCard()
    expect(canvas.sources).toContain(products.items[0]?.images[0])
    expect(canvas.recorder.calls.some((call) => call.method === 'drawImage' && call.args.length === 9)).toBe(false)
    const texts = canvas.recorder.texts()
    expect(texts).toContain(KOL.code)
    expect(texts.some((text) => text.includes('验证码 FLC-'))).toBe(true)
    expect(drawnQrModules(canvas.recorder.calls)).toEqual(expectedQrModules(kolCardQrUrl()))
  })

  test("a KOL below the config's first level is told the config's number of fans, and the poster has no certificate", async () => {
    await signInAs(KOL.persona, (config) => ({
      ...config,
      distribution: {
        ...config.distribution,
        kolLevels: config.distribution.kolLevels.map((level, index) =>
          index === 0 ? { ...level, minFans: 20 } : level,
        ),
      },
    }))
    await renderDrawnCard()
    expect(screen.getByTestId('first-certificate').textContent).toBe('达到 20 位粉丝即可获得第一张达人证书')
    expect(canvas.recorder.texts().some((text) => text.includes('验证码'))).toBe(false)
    expect(canvas.recorder.texts()).toContain(KOL.code)
  })

  test('the canvas holds the poster at the device pixel ratio', async () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 3, configurable: true })
    await signInAs(KOL.persona)
    await renderDrawnCard()
    const element = document.getElementById('referral-poster') as HTMLCanvasElement
    expect(element.width).toBe(320 * 3)
    expect(element.height).toBe(500 * 3)
    expect(canvas.recorder.calls.find((call) => call.method === 'setTransform')?.args).toEqual([3, 0, 0, 3, 0, 0])
    Object.defineProperty(window, 'devicePixelRatio', { value: 1, configurable: true })
  })

  test('without a share sheet for files, saving downloads a PNG', async () => {
    await signInAs(KOL.persona)
    const clicked: HTMLAnchorElement[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    const { container } = await renderDrawnCard()
    tap(container, 'save-poster')
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0]?.download).toBe('fanloop-invite.png')
    expect(clicked[0]?.href).toMatch(/^blob:/)
    expect(canvas.objectUrls).toEqual(['image/png'])
  })

  test('where the browser can share files, saving hands the PNG to the share sheet', async () => {
    await signInAs(KOL.persona)
    const share = jest.fn<Promise<void>, [ShareData]>().mockResolvedValue(undefined)
    Object.assign(navigator, { canShare: (data: ShareData) => Boolean(data.files?.length), share })
    const { container } = await renderDrawnCard()
    tap(container, 'save-poster')
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1))
    const file = share.mock.calls[0]?.[0].files?.[0]
    expect(file?.type).toBe('image/png')
    expect(file?.name).toBe('fanloop-invite.png')
  })

  test("inside WeChat's browser the poster is shown as an image to long-press", async () => {
    jest.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (iPhone) MicroMessenger/8.0.50 NetType/WIFI')
    await signInAs(KOL.persona)
    const { container } = await renderDrawnCard()
    tap(container, 'save-poster')
    const preview = await screen.findByTestId('long-press-preview')
    const image = preview.querySelector('img')
    expect(image?.getAttribute('src')).toMatch(/^data:image\/png/)
    expect(image?.getAttribute('alt')).toBeTruthy()
    expect(preview.textContent).toContain('长按图片')
  })

  test('the link button shares the link with the code, or copies it where there is no share sheet', async () => {
    await signInAs(KOL.persona)
    const copy = jest
      .spyOn(Taro, 'setClipboardData')
      .mockResolvedValue({ errMsg: 'setClipboardData:ok', data: kolShareUrl() })
    const { container } = await renderDrawnCard()
    tap(container, 'share-link')
    await waitFor(() => expect(copy).toHaveBeenCalledWith({ data: kolShareUrl() }))

    const share = jest.fn<Promise<void>, [ShareData]>().mockResolvedValue(undefined)
    Object.assign(navigator, { share })
    tap(container, 'share-link')
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1))
    expect(share.mock.calls[0]?.[0].url).toBe(kolShareUrl())
    expect(copy).toHaveBeenCalledTimes(1)
  })

  test('a member without a referral code is told how the card comes, and nothing is drawn', async () => {
    await signInAs('new-member')
    renderWithApp(<ReferralCard />)
    expect(await screen.findByText('还没有邀请码')).toBeTruthy()
    expect(screen.queryByTestId('save-poster')).toBeNull()
    expect(canvas.recorder.calls).toHaveLength(0)
  })

  test('a member without the right has a way to it (去开通 leads to 我的), not a dead end', async () => {
    await signInAs('new-member')
    const { container } = renderWithApp(<ReferralCard />)
    expect(await screen.findByText('还没有邀请码')).toBeTruthy()
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    tap(container, 'card-get-rights')
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  test('a visitor is invited to sign in', () => {
    renderWithApp(<ReferralCard />)
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy()
  })
})
