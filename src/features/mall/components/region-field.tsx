import { Input, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { addressMessages } from '../address-messages'

export type RegionFieldProps = { region: string[]; onChanged: (region: string[]) => void }

/**
 * H5 (and the default): province, city and district typed as text. Taro's H5 Picker has no
 * region mode (it throws and ships no region data); the mini-program's region picker lives in
 * region-field.weapp.tsx, which Taro picks for that build.
 */
export function RegionField({ region, onChanged }: RegionFieldProps) {
  const text = useMessages(addressMessages)
  const placeholders = [text.provincePlaceholder, text.cityPlaceholder, text.districtPlaceholder]
  const parts = ['province', 'city', 'district'] as const
  return (
    <View className='address-form__region-inputs'>
      {parts.map((part, index) => (
        <View key={part} className='address-form__box address-form__box--third'>
          <Input
            className='address-form__input'
            data-testid={`address-${part}-input`}
            maxlength={20}
            placeholder={placeholders[index]}
            value={region[index] ?? ''}
            onInput={(event) => {
              const next = [0, 1, 2].map((slot) => (slot === index ? event.detail.value : (region[slot] ?? '')))
              // Three empty names are no region at all, so validation says "choose a region".
              onChanged(next.every((name) => name.trim() === '') ? [] : next)
            }}
          />
        </View>
      ))}
    </View>
  )
}
