import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import type { Address } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { Skeleton } from '@/components/page-state'
import { QueryState } from '@/components/query-state'
import { isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { addressesQuery, useDeleteAddress, useUpdateAddress } from '../api/mall-queries'
import { addressMessages } from '../address-messages'
import { AddressForm } from './address-form'
import { AddressSummary, NoAddressYet, MAX_ADDRESSES } from './address-picker'
import './address-book.scss'

/** The member's addresses: add, edit, delete and choose the default, at most ten. */
export function AddressBook() {
  const text = useMessages(addressMessages)
  const locale = useLocale((state) => state.locale)
  const addresses = useQuery(addressesQuery())
  const [editing, setEditing] = useState<'new' | string | null>(null)
  const remove = useDeleteAddress()
  const makeDefault = useUpdateAddress()

  const tell = (title: string, icon: 'success' | 'none' = 'none') => void Taro.showToast({ title, icon, duration: 2000 })

  const onSaved = () => {
    setEditing(null)
    tell(text.saved, 'success')
  }

  const onDeleteTapped = async (address: Address) => {
    const { confirm } = await Taro.showModal({ title: text.deleteTitle, content: text.deleteConfirm(address.name) })
    if (!confirm) return
    // The query client toasts a failed delete (it is not shown in place).
    remove.mutate(address.id, { onSuccess: () => tell(text.deleted, 'success') })
  }

  const onSetDefaultTapped = (address: Address) => {
    makeDefault.mutate(
      { addressId: address.id, patch: { isDefault: true } },
      {
        onSuccess: () => tell(text.defaultSet, 'success'),
        onError: (error) => tell((isApiError(error) && error.code ? text.errors[error.code] : undefined) ?? describeError(error, locale)),
      },
    )
  }

  return (
    <View className='address-book' data-testid='address-book'>
      <QueryState
        query={addresses}
        skeleton={<Skeleton rows={3} testId='address-skeleton' />}
        // The new-address form stays where it is while the list refetches after saving: moving it
        // would remount it and lose the save's own callback.
        isEmpty={(data) => data.items.length === 0 && editing === null}
        empty={<NoAddressYet onAdd={() => setEditing('new')} />}
      >
        {(data) => (
          <View className='address-book__list'>
            {data.items.length > 0 ? (
              <Text className='address-book__count' data-testid='address-count'>
                {text.count(data.items.length, MAX_ADDRESSES)}
              </Text>
            ) : null}
            {data.items.map((address) =>
              editing === address.id ? (
                <AddressForm key={address.id} address={address} onSaved={onSaved} onCancelled={() => setEditing(null)} />
              ) : (
                <View key={address.id} className='address-card' data-testid={`address-card-${address.id}`}>
                  <AddressSummary address={address} />
                  <View className='address-card__actions'>
                    {address.isDefault ? (
                      <Text className='address-card__default'>{text.defaultTag}</Text>
                    ) : (
                      <View
                        className='address-card__action'
                        hoverClass='address-card__action--pressed'
                        data-testid={`address-set-default-${address.id}`}
                        onClick={() => onSetDefaultTapped(address)}
                      >
                        <Text>{text.setDefault}</Text>
                      </View>
                    )}
                    <View className='address-card__spacer' />
                    <View
                      className='address-card__action'
                      hoverClass='address-card__action--pressed'
                      data-testid={`address-edit-${address.id}`}
                      onClick={() => setEditing(address.id)}
                    >
                      <Text>{text.edit}</Text>
                    </View>
                    <View
                      className='address-card__action address-card__action--danger'
                      hoverClass='address-card__action--pressed'
                      data-testid={`address-delete-${address.id}`}
                      onClick={() => void onDeleteTapped(address)}
                    >
                      <Text>{text.delete}</Text>
                    </View>
                  </View>
                </View>
              ),
            )}
            {editing === 'new' ? (
              <AddressForm onSaved={onSaved} onCancelled={() => setEditing(null)} />
            ) : (
              <View className='address-book__add'>
                {data.items.length >= MAX_ADDRESSES ? (
                  <Text className='address-book__limit' data-testid='address-limit'>
                    {text.limitReached(MAX_ADDRESSES)}
                  </Text>
                ) : null}
                {/* At the limit the button stays: the server's refusal is shown in the form, in words. */}
                <ActionButton isBlock testId='address-add' onTap={() => setEditing('new')}>
                  + {text.add}
                </ActionButton>
              </View>
            )}
          </View>
        )}
      </QueryState>
    </View>
  )
}
