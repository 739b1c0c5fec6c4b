// The referral card on the H5 production build at 390x844 (device pixel ratio 3): a KOL opens the
// card from 我的 and downloads the poster; the file is a PNG at the device pixel ratio whose QR
// code, read back with a decoder written from the QR spec, is the KOL's card link.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { closeAll, E2E_TEST_TIMEOUT_MS, launchPhone, screenshot, screenshotsDir, startStack, type Phone, type Stack, visible } from './support'
import { decodeQr } from './support/qr-decode'

jest.setTimeout(E2E_TEST_TIMEOUT_MS)

let stack: Stack
let phone: Phone
let kol: { token: string; member: { referralCode: string; nickname: string } }

beforeAll(async () => {
  stack = await startStack()
  phone = await launchPhone({ baseURL: stack.baseUrl })
  const response = await fetch(`${stack.apiBase}/__mock/persona`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'kol-distributor' }),
  })
  kol = (await response.json()) as typeof kol
  await phone.context.addInitScript((sessionToken: string) => {
    if (window.localStorage.getItem('fanloop.session')) return
    const state = { state: { token: sessionToken, installId: 'e2e-card-install' }, version: 0 }
    window.localStorage.setItem('fanloop.session', JSON.stringify({ data: JSON.stringify(state) }))
  }, kol.token)
})

afterAll(closeAll)

/** Reads width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/**
 * Chromium decodes the PNG; the QR's modules are sampled at their centres. The code is the only
 * pure black on the poster (its text is the theme's near-black #1f1d1a), so its black pixels'
 * bounding box is the code from finder to finder, and the top-left finder is 7 modules wide.
 */
async function sampleQrModules(page: Page, png: Buffer): Promise<boolean[][]> {
  const rows = await page.evaluate(async (dataUrl: string) => {
    const image = new Image()
    image.src = dataUrl
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    ctx.drawImage(image, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const black = (x: number, y: number) => {
      const at = (y * width + x) * 4
      return data[at]! < 12 && data[at + 1]! < 12 && data[at + 2]! < 12 && data[at + 3]! > 240
    }
    let left = width
    let top = height
    let right = -1
    let bottom = -1
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        if (!black(x, y)) continue
        left = Math.min(left, x)
        right = Math.max(right, x)
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
      }
    }
    if (right < 0) throw new Error('no QR code on the poster')
    let finder = 0
    while (black(left + finder, top)) finder += 1
    const modulePx = finder / 7
    const size = Math.round((right - left + 1) / modulePx)
    const result: string[] = []
    for (let row = 0; row < size; row += 1) {
      let line = ''
      for (let col = 0; col < size; col += 1) {
        line += black(Math.floor(left + (col + 0.5) * modulePx), Math.floor(top + (row + 0.5) * modulePx)) ? '1' : '0'
      }
      result.push(line)
    }
    return result
  }, `data:image/png;base64,${png.toString('base64')}`)
  return rows.map((line) => [...line].map((bit) => bit === '1'))
}

test('a KOL opens the card from 我的 and downloads the poster; its QR reads as their card link', async () => {
  const page = phone.page
  await page.goto('/pages/me/index')
  await visible(page, 'entry-referral-card').click()
  await page.waitForURL(/\/packages\/distribution\/card\/index/)
  const save = visible(page, 'save-poster')
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="save-poster"]')].some((button) => button.getAttribute('aria-disabled') === 'false'),
  )
  await expect(visible(page, 'referral-code').textContent()).resolves.toBe(kol.member.referralCode)
  const shareLink = `${stack.baseUrl}/pages/home/index?ref=${kol.member.referralCode}`
  await expect(visible(page, 'share-url').textContent()).resolves.toBe(shareLink)
  await screenshot(page, 'referral-card-01-card')

  const [download] = await Promise.all([page.waitForEvent('download'), save.click()])
  expect(download.suggestedFilename()).toBe('fanloop-invite.png')
  const file = await download.path()
  const png = fs.readFileSync(file)
  // Exported at the device pixel ratio: the poster is 320x500 CSS pixels, the phone's ratio is 3.
  expect(pngSize(png)).toEqual({ width: 960, height: 1500 })
  fs.mkdirSync(screenshotsDir, { recursive: true })
  fs.copyFileSync(file, path.join(screenshotsDir, 'referral-card-02-poster.png'))

  const modules = await sampleQrModules(page, png)
  expect(decodeQr(modules)).toBe(`${shareLink}&src=card`)
  phone.expectNoErrors()
})
