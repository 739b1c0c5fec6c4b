import { Picker, Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { addressMessages } from '../address-messages'
import type { RegionFieldProps } from './region-field'

/** The mini-program: WeChat's own region picker gives [province, city, district]. */
export function RegionField({ region, onChanged }: RegionFieldProps) {
  const text = useMessages(addressMessages)
  return (
    <Picker mode='region' value={region} onChange={(event) => onChanged(event.detail.value)} data-testid='address-region-picker'>
      <View className='address-form__box address-form__box--picker' hoverClass='address-form__box--pressed'>
        <Text className={region.length === 3 ? 'address-form__value' : 'address-form__placeholder'}>
          {region.length === 3 ? region.join(' ') : text.regionPlaceholder}
        </Text>
        <Text className='address-form__chevron'>›</Text>
      </View>
    </Picker>
  )
}
