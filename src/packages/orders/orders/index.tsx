import { PageShell } from '@/components/page-shell'
import { OrderList } from '@/features/distribution/components/order-list'
import { kolMessages } from '@/features/distribution/kol-messages'
import { useMessages } from '@/lib/i18n'

export default function Page() {
  const text = useMessages(kolMessages)
  return (
    <PageShell title={text.ordersTitle} testId='orders-page'>
      <OrderList />
    </PageShell>
  )
}
