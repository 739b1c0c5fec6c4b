import { useEffect, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Address } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { EmptyState, Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { useMessages } from '@/lib/i18n'
import { addressesQuery } from '../api/mall-queries'
import { addressMessages } from '../address-messages'
import { AddressForm } from './address-form'
import './address-picker.scss'

/** domain-rules.md: a member keeps at most 10 addresses (the server refuses the 11th too). */
export const MAX_ADDRESSES = 10

/** Who, which number, where: the same few lines wherever an address is listed. */
export function AddressSummary({ address }: { address: Address }) {
  const text = useMessages(addressMessages)
  return (
    <View className='address-summary'>
      <View className='address-summary__who'>
        <Text className='address-summary__name'>{address.name}</Text>
        <Text className='address-summary__phone'>{address.phone}</Text>
        {address.isDefault ? (
          <Text className='address-summary__tag' data-testid='address-default-tag'>
            {text.defaultTag}
          </Text>
        ) : null}
      </View>
      <Text className='address-summary__where'>
        {address.region.join(' ')} {address.detail}
      </Text>
    </View>
  )
}

type AddressPickerProps = { selectedId: string | null; onSelected: (address: Address) => void }

/**
 * Choosing where a physical gift goes: the member's addresses as radio rows, the default chosen
 * for them, and adding or editing one in place without leaving the redeem sheet.
 */
export function AddressPicker({ selectedId, onSelected }: AddressPickerProps) {
  const text = useMessages(addressMessages)
  const addresses = useQuery(addressesQuery())
  const [editing, setEditingState] = useState<'new' | string | null>(null)
  const latestOnSelected = useRef(onSelected)
  latestOnSelected.current = onSelected
  // The default is chosen for the member only until they choose (or start adding) one themselves.
  const hasChosen = useRef(false)

  const setEditing = (next: 'new' | string | null) => {
    hasChosen.current = true
    setEditingState(next)
  }

  useEffect(() => {
    if (selectedId !== null || hasChosen.current) return
    const fallback = addresses.data?.items.find((address) => address.isDefault)
    if (!fallback) return
    hasChosen.current = true
    latestOnSelected.current(fallback)
  }, [selectedId, addresses.data])

  const onSaved = (address: Address, isNew: boolean) => {
    setEditing(null)
    if (isNew || address.id === selectedId) onSelected(address)
  }

  return (
    <View className='address-picker' data-testid='address-picker'>
      <QueryState
        query={addresses}
        skeleton={<Skeleton rows={2} testId='address-skeleton' />}
        isEmpty={(data) => data.items.length === 0 && editing === null}
        empty={<NoAddressYet onAdd={() => setEditing('new')} />}
      >
        {(data) => (
          <View className='address-picker__list' role='radiogroup' aria-label={text.choose}>
            {data.items.map((address) =>
              editing === address.id ? (
                <AddressForm
                  key={address.id}
                  address={address}
                  onSaved={(saved) => onSaved(saved, false)}
                  onCancelled={() => setEditing(null)}
                />
              ) : (
                <View
                  key={address.id}
                  className={`address-option ${address.id === selectedId ? 'address-option--selected' : ''}`}
                  role='radio'
                  tabIndex={0}
                  aria-checked={address.id === selectedId}
                  data-testid={`address-option-${address.id}`}
                  hoverClass='address-option--pressed'
                  onClick={() => {
                    hasChosen.current = true
                    onSelected(address)
                  }}
                >
                  <View className={`address-option__radio ${address.id === selectedId ? 'address-option__radio--on' : ''}`} />
                  <AddressSummary address={address} />
                  <View
                    className='address-option__edit'
                    hoverClass='address-option__edit--pressed'
                    data-testid={`address-edit-${address.id}`}
                    onClick={(event) => {
                      // Editing is not choosing: the row's own tap must not fire too.
                      event.stopPropagation()
                      setEditing(address.id)
                    }}
                  >
                    <Text>{text.edit}</Text>
                  </View>
                </View>
              ),
            )}
            {editing === 'new' ? (
              <AddressForm onSaved={(saved) => onSaved(saved, true)} onCancelled={() => setEditing(null)} />
            ) : data.items.length < MAX_ADDRESSES ? (
              <ActionButton variant='text' testId='address-add' onTap={() => setEditing('new')}>
                + {text.add}
              </ActionButton>
            ) : (
              <Text className='address-picker__limit'>{text.limitReached(MAX_ADDRESSES)}</Text>
            )}
          </View>
        )}
      </QueryState>
    </View>
  )
}

/** The address list's empty state, shared by the picker and the address book. */
export function NoAddressYet({ onAdd }: { onAdd: () => void }) {
  const text = useMessages(addressMessages)
  return (
    <EmptyState
      title={text.empty}
      hint={text.emptyHint}
      action={
        <ActionButton testId='address-add-first' onTap={onAdd}>
          {text.addFirst}
        </ActionButton>
      }
    />
  )
}
