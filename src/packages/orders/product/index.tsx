import * as v from 'valibot'
import { useRouter } from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { PageShell } from '@/components/page-shell'
import { ReferralCode } from '@/contract'
import { productQuery } from '@/features/distribution/api/product-queries'
import { ProductDetail } from '@/features/distribution/components/product-detail'
import { kolMessages } from '@/features/distribution/kol-messages'
import { kolRoutes } from '@/features/distribution/lib/kol-routes'
import { useReferralShare } from '@/features/distribution/lib/use-referral-share'
import { useMessages } from '@/lib/i18n'

/**
 * The link's `ref`, or a mini-program code's `scene=r%3DCODE`. Not through @/lib/referral's findReferralCode: importing
 * an inner module of the first screen from a subpackage splits it out of its concatenated chunk (measured +0.8 KB
 * gzip on the home page).
 */
function referralOf(params: Partial<Record<string, string>>): string | null {
  let scene = ''
  try {
    scene = decodeURIComponent(params.scene ?? '')
  } catch {
    scene = ''
  }
  const fromScene = /(?:^|&)r=([^&]+)/.exec(scene)?.[1]
  const code = params.ref ?? fromScene
  return code !== undefined && v.is(ReferralCode, code) ? code : null
}

export default function ProductPage() {
  const text = useMessages(kolMessages)
  const { params } = useRouter()
  const productId = params.id ?? ''
  // The same query the detail runs: the product's name titles the share. A KOL's share carries their own code.
  const productName = useQuery({ ...productQuery(productId), enabled: productId !== '' }).data?.name
  useReferralShare({ path: kolRoutes.product, query: `id=${encodeURIComponent(productId)}`, title: productName })
  return (
    <PageShell title={text.productTitle} testId='product-page'>
      <ProductDetail productId={productId} referralCode={referralOf(params)} postId={params.postId ?? null} />
    </PageShell>
  )
}
