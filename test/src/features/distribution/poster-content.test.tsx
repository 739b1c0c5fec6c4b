import type { AppConfig } from '@/contract'
import type { Certificate } from '@/contract/certificate'
import type { Product } from '@/contract/distribution'
import type { ReferralCard } from '@/contract/kol'
import { kolMessages } from '@/features/distribution/kol-messages'
import { cardMessages } from '@/features/distribution/messages'
import {
  firstCertificateFans,
  heroImageUrl,
  kolCertificate,
  posterContent,
} from '@/features/distribution/lib/poster-content'
import { KOL, signInAs } from './card-support'

/** K1 out of Lina's reach (she has 13 fans): a KOL without a level, so without a certificate. */
const firstLevelAt20 = (config: AppConfig): AppConfig => ({
  ...config,
  distribution: {
    ...config.distribution,
    kolLevels: config.distribution.kolLevels.map((level, index) => (index === 0 ? { ...level, minFans: 20 } : level)),
  },
})

const HERO = { width: 320, height: 320 } as unknown as CanvasImageSource

async function kolData(config?: (config: AppConfig) => AppConfig) {
  const { api, token } = await signInAs(KOL.persona, config)
  const get = async <T,>(path: string) => (await api.call('GET', path, { token })).json as T
  return {
    card: await get<ReferralCard>('/distribution/card'),
    certificates: (await get<{ items: Certificate[] }>('/certificates?limit=50')).items,
    products: (await get<{ items: Product[] }>('/products')).items,
    config: await get<AppConfig>('/app/config'),
  }
}

function contentFor(data: Awaited<ReturnType<typeof kolData>>, hero: CanvasImageSource | null) {
  return posterContent({
    card: data.card,
    config: data.config,
    text: cardMessages['zh-CN'],
    shareLink: `https://fans.example.com/pages/home/index?ref=${KOL.code}`,
    avatar: null,
    hero,
    certificate: kolCertificate(data.card, data.certificates),
    codeImage: null,
  })
}

describe('the poster content', () => {
  test("Lina's poster has a product picture in its header and her K1 certificate with its code", async () => {
    const data = await kolData()
    const heroUrl = heroImageUrl(data.products)
    expect(heroUrl).toBe(data.products[0]?.images[0])
    expect(heroUrl).toMatch(/^data:image\/svg\+xml/)
    const k1 = data.certificates.find((certificate) => certificate.kind === 'kol_level')
    expect(data.card.kolLevel?.code).toBe('K1')
    expect(k1?.code).toMatch(/^FLC-/)
    const content = contentFor(data, HERO)
    expect(content.hero).toBe(HERO)
    expect(content.certificateLine).toBe(`达人证书「${data.card.kolLevel?.name}」 验证码 ${k1?.code}`)
  })

  test('a KOL without a certificate gets no certificate line', async () => {
    const data = await kolData(firstLevelAt20)
    expect(data.card.kolLevel).toBeNull()
    expect(data.certificates.some((certificate) => certificate.kind === 'kol_level')).toBe(false)
    expect(kolCertificate(data.card, data.certificates)).toBeNull()
    expect(contentFor(data, null).certificateLine).toBeNull()
  })

  test("a certificate of another level, or one no longer valid, is not the current level's", () => {
    const card = { kolLevel: { code: 'K2', name: '人气达人', minFans: 50 } } as ReferralCard
    const certificate = (title: string, valid: boolean): Certificate => ({
      code: 'FLC-AB12-CD34',
      title,
      holderNickname: KOL.nickname,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      issuedAt: '2026-01-01T00:00:00+08:00',
      valid,
      kind: 'kol_level',
    })
    expect(kolCertificate(card, [certificate('新星达人（K1）达人认证', true)])).toBeNull()
    expect(kolCertificate(card, [certificate('人气达人（K2）达人认证', false)])).toBeNull()
    expect(kolCertificate(card, [certificate('人气达人（K2）达人认证', true)])?.code).toBe('FLC-AB12-CD34')
  })

  test('the fans for the first certificate are the lowest level of the config', async () => {
    const seeded = (await kolData()).config
    expect(firstCertificateFans(seeded)).toBe(10)
    const changed = firstLevelAt20(seeded)
    expect(firstCertificateFans(changed)).toBe(20)
    expect(kolMessages['zh-CN'].firstCertificateAt(firstCertificateFans(changed) ?? 0)).toBe(
      '达到 20 位粉丝即可获得第一张达人证书',
    )
    expect(kolMessages.en.firstCertificateAt(20)).toBe('Reach 20 fans for your first KOL certificate')
    expect(firstCertificateFans({ ...seeded, distribution: { ...seeded.distribution, kolLevels: [] } })).toBeNull()
  })
})
