import { PageShell } from '@/components/page-shell'
import { AddressBook } from '@/features/mall/components/address-book'
import { addressMessages } from '@/features/mall/address-messages'
import { useMessages } from '@/lib/i18n'

export default function AddressesPage() {
  const text = useMessages(addressMessages)
  return (
    <PageShell title={text.title} testId='addresses-page'>
      <AddressBook />
    </PageShell>
  )
}
