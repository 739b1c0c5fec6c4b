import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import * as v from 'valibot'
import { AddressInput, type Address } from '@/contract/mall'
import { ActionButton } from '@/components/action-button'
import { isApiError } from '@/lib/http'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { useCreateAddress, useUpdateAddress } from '../api/mall-queries'
import { addressMessages } from '../address-messages'
import { RegionField } from './region-field'
import './address-form.scss'

type FieldName = 'name' | 'phone' | 'region' | 'detail'
type FieldErrors = Partial<Record<FieldName, string>>

const FIELDS: readonly FieldName[] = ['name', 'phone', 'region', 'detail']

/** "region.1" -> "region": an issue (ours or the server's) belongs to the field it starts with. */
const fieldOf = (path: string | null): FieldName | null => {
  const head = path?.split('.')[0]
  return FIELDS.find((field) => field === head) ?? null
}

type AddressFormProps = {
  address?: Address
  onSaved: (address: Address) => void
  onCancelled?: () => void
}

/** Add or edit an address: validated on submit with the contract's own rules, each error next to its field. */
export function AddressForm({ address, onSaved, onCancelled }: AddressFormProps) {
  const text = useMessages(addressMessages)
  const locale = useLocale((state) => state.locale)
  const [name, setName] = useState(address?.name ?? '')
  const [phone, setPhone] = useState(address?.phone ?? '')
  const [region, setRegion] = useState<string[]>(address?.region ?? [])
  const [detail, setDetail] = useState(address?.detail ?? '')
  const [isDefault, setIsDefault] = useState(address?.isDefault ?? false)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const create = useCreateAddress()
  const update = useUpdateAddress()
  const save = address ? update : create
  // The default can only move to another address, never be switched off in place.
  const isDefaultLocked = address?.isDefault === true

  const messageFor: Record<FieldName, string> = {
    name: text.nameInvalid,
    phone: text.phoneInvalid,
    region: text.regionInvalid,
    detail: text.detailInvalid,
  }

  const errorsOf = (paths: readonly (string | null)[]): FieldErrors => {
    const errors: FieldErrors = {}
    for (const path of paths) {
      const field = fieldOf(path)
      if (field) errors[field] = messageFor[field]
    }
    return errors
  }

  const onSubmit = () => {
    const parsed = v.safeParse(AddressInput, { name, phone, region, detail, isDefault })
    if (!parsed.success) return setFieldErrors(errorsOf(parsed.issues.map((issue) => v.getDotPath(issue))))
    setFieldErrors({})
    const onError = (error: Error) => {
      if (isApiError(error)) setFieldErrors(errorsOf(Object.keys(error.fields)))
    }
    const input = parsed.output
    if (address) {
      // Only a new default is sent: leaving the switch alone never touches which address is default.
      const { isDefault: isNowDefault, ...fields } = input
      const patch = isNowDefault && !address.isDefault ? { ...fields, isDefault: true } : fields
      update.mutate({ addressId: address.id, patch }, { onSuccess: onSaved, onError })
    } else {
      create.mutate(input, { onSuccess: onSaved, onError })
    }
  }

  const failure = save.error
  const isFieldFailure = isApiError(failure) && Object.keys(errorsOf(Object.keys(failure.fields))).length > 0
  const failureText = isApiError(failure) && failure.code ? text.errors[failure.code] : undefined

  const fieldError = (field: FieldName) =>
    fieldErrors[field] ? (
      <Text className='address-form__error' data-testid={`address-${field}-error`}>
        {fieldErrors[field]}
      </Text>
    ) : null

  return (
    <View className='address-form' data-testid='address-form'>
      <View className='address-form__field'>
        <Text className='address-form__label'>{text.nameLabel}</Text>
        <View className='address-form__box'>
          <Input
            className='address-form__input'
            data-testid='address-name-input'
            maxlength={20}
            placeholder={text.namePlaceholder}
            value={name}
            onInput={(event) => setName(event.detail.value)}
          />
        </View>
        {fieldError('name')}
      </View>
      <View className='address-form__field'>
        <Text className='address-form__label'>{text.phoneLabel}</Text>
        <View className='address-form__box'>
          <Input
            className='address-form__input'
            data-testid='address-phone-input'
            type='number'
            maxlength={11}
            placeholder={text.phonePlaceholder}
            value={phone}
            onInput={(event) => setPhone(event.detail.value.trim())}
          />
        </View>
        {fieldError('phone')}
      </View>
      <View className='address-form__field'>
        <Text className='address-form__label'>{text.regionLabel}</Text>
        <RegionField region={region} onChanged={setRegion} />
        {fieldError('region')}
      </View>
      <View className='address-form__field'>
        <Text className='address-form__label'>{text.detailLabel}</Text>
        <View className='address-form__box'>
          <Input
            className='address-form__input'
            data-testid='address-detail-input'
            maxlength={120}
            placeholder={text.detailPlaceholder}
            value={detail}
            onInput={(event) => setDetail(event.detail.value)}
          />
        </View>
        {fieldError('detail')}
      </View>
      <View
        className='address-form__switch-row'
        role='switch'
        tabIndex={0}
        aria-checked={isDefault}
        aria-disabled={isDefaultLocked}
        data-testid='address-default-switch'
        hoverClass={isDefaultLocked ? 'none' : 'address-form__switch-row--pressed'}
        onClick={() => {
          if (!isDefaultLocked) setIsDefault(!isDefault)
        }}
      >
        <Text>{text.defaultLabel}</Text>
        <View className={`address-form__switch ${isDefault ? 'address-form__switch--on' : ''}`}>
          <View className='address-form__knob' />
        </View>
      </View>
      {failure && !isFieldFailure ? (
        <View className='address-form__error' role='alert' data-testid='address-form-error'>
          {failureText ?? describeError(failure, locale)}
        </View>
      ) : null}
      <View className='address-form__actions'>
        {onCancelled ? (
          <ActionButton variant='secondary' testId='address-cancel' onTap={onCancelled}>
            {text.cancel}
          </ActionButton>
        ) : null}
        <ActionButton testId='address-save' isBusy={save.isPending} onTap={onSubmit}>
          {text.save}
        </ActionButton>
      </View>
    </View>
  )
}
