import { PageShell } from '@/components/page-shell'
import { ProductList } from '@/features/distribution/components/product-list'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.productsTitle} testId='products-page'>
      <ProductList />
    </PageShell>
  )
}
