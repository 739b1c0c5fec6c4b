import { drawPoster, fitText, POSTER_WIDTH, type PosterContent } from '@/features/distribution/lib/poster'
import { encodeQr } from '@/features/distribution/lib/qr'
import { createRecordingContext, drawnQrModules, expectedQrModules } from './canvas-recorder'

const LINK = 'https://fans.example.com/pages/home/index?ref=LINA88'

function content(overrides: Partial<PosterContent> = {}): PosterContent {
  return {
    brandName: 'FanLoop',
    slogan: '和喜欢的品牌一起玩',
    colors: {
      primary: '#e8503a',
      onPrimary: '#ffffff',
      accent: '#f5a623',
      surface: '#ffffff',
      text: '#1f1d1a',
      muted: '#6b6660',
    },
    nickname: '莉娜 Lina',
    levelLabel: 'V4 核心会员',
    kolLabel: null,
    referralCode: 'LINA88',
    inviteLine: '邀请你一起加入 FanLoop',
    scanHint: '扫码或长按识别加入',
    codeLabel: '我的邀请码',
    avatar: null,
    hero: null,
    certificateLine: null,
    code: { kind: 'qr', matrix: encodeQr(LINK) },
    ...overrides,
  }
}

describe('the referral poster', () => {
  test('draws the code, the nickname, the member level and the brand', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content())
    const texts = recorder.texts()
    expect(texts).toContain('LINA88')
    expect(texts).toContain('莉娜 Lina')
    expect(texts).toContain('V4 核心会员')
    expect(texts).toContain('FanLoop')
    expect(texts.some((text) => text.includes('KOL'))).toBe(false)
  })

  test('carries the KOL level next to the member level when there is one', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content({ kolLabel: 'KOL 达人' }))
    expect(recorder.texts()).toContain('V4 核心会员 · KOL 达人')
  })

  test('its QR modules are exactly the QR code of the share link', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content())
    const drawn = drawnQrModules(recorder.calls)
    expect(drawn.size).toBeGreaterThan(100)
    expect(drawn).toEqual(expectedQrModules(LINK))
    expect(drawn).not.toEqual(expectedQrModules(LINK.replace('LINA88', 'MIAO66')))
  })

  test('QR modules are whole pixels, so the export at any pixel ratio has no seams', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content())
    const squares = recorder.calls.filter((call) => call.method === 'fillRect' && call.fillStyle === '#000000')
    for (const { args } of squares) for (const value of args) expect(Number.isInteger(value)).toBe(true)
  })

  test('draws the mini-program code image instead of a QR when it has one', () => {
    const recorder = createRecordingContext()
    const image = { width: 280, height: 280 } as unknown as CanvasImageSource
    drawPoster(recorder.ctx, content({ code: { kind: 'image', image } }))
    expect(drawnQrModules(recorder.calls).size).toBe(0)
    expect(recorder.calls.some((call) => call.method === 'drawImage' && call.args[0] === image)).toBe(true)
  })

  test('without an avatar picture the first letter of the nickname stands in', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content())
    expect(recorder.texts()).toContain('莉')
  })

  test('a long nickname is cut with an ellipsis to stay on the poster', () => {
    const recorder = createRecordingContext()
    const long = `一个${'非常'.repeat(20)}长的昵称`
    drawPoster(recorder.ctx, content({ nickname: long }))
    const drawn = recorder.texts().find((text) => text.startsWith('一个'))
    expect(drawn).toMatch(/…$/)
    // Right of the avatar: the poster's width less the avatar column and the padding.
    expect(recorder.ctx.measureText(drawn ?? '').width).toBeLessThanOrEqual(POSTER_WIDTH - 94 - 24)
    expect(fitText(recorder.ctx, 'short', 100)).toBe('short')
  })

  test('draws the KOL certificate line under the code, in the text colour, when there is one', () => {
    const recorder = createRecordingContext()
    drawPoster(recorder.ctx, content({ certificateLine: '达人证书「新星达人」 验证码 FLC-AB12-CD34' }))
    const line = recorder.calls.find(
      (call) => call.method === 'fillText' && call.args[0] === '达人证书「新星达人」 验证码 FLC-AB12-CD34',
    )
    expect(line?.fillStyle).toBe('#1f1d1a')
    // Below the code's box (which ends 458 down), inside the poster.
    expect(line?.args[2]).toBeGreaterThan(458)
    expect(line?.args[2]).toBeLessThan(500)
  })

  test('a square product picture fills the header cut to its shape, not stretched', () => {
    const recorder = createRecordingContext()
    const hero = { width: 320, height: 320 } as unknown as CanvasImageSource
    drawPoster(recorder.ctx, content({ hero }))
    const drawn = recorder.calls.find((call) => call.method === 'drawImage' && call.args[0] === hero)
    // The middle 320 x 170 of the picture, onto the 320 x 170 header.
    expect(drawn?.args.slice(1)).toEqual([0, 75, 320, 170, 0, 0, 320, 170])
    expect(recorder.texts()).toContain('FanLoop')
  })

  test('refuses a non-ASCII QR payload instead of drawing a code that scans as garbage', () => {
    expect(() => encodeQr('https://example.com/?ref=莉娜')).toThrow(/ASCII/)
  })
})
