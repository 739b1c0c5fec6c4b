import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ProductDetail } from '@/features/distribution/components/product-detail'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'
import { findReferralCode } from '@/lib/referral'

export default function ProductPage() {
  const text = useMessages(kolMessages)
  const { params } = useRouter()
  // The link's ref (or a QR scene's r=): the order pays whoever shared it.
  const referralCode = findReferralCode(params)
  return (
    <PageShell title={text.productTitle} testId='product-page'>
      <ProductDetail productId={params.id ?? ''} referralCode={referralCode} postId={params.postId ?? null} />
    </PageShell>
  )
}
