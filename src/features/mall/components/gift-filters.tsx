import { useQuery } from '@tanstack/react-query'
import { Text, View } from '@tarojs/components'
import { useMessages } from '@/lib/i18n'
import { giftCategoriesQuery, type GiftFilter } from '../api/gift-queries'
import { mallMessages } from '../messages'
import './gift-filters.scss'

type GiftFiltersProps = { filter: GiftFilter; canFilterAffordable: boolean; onFilterChanged: (filter: GiftFilter) => void }

/** Categories from the server, plus "I can afford" for a signed-in member. */
export function GiftFilters({ filter, canFilterAffordable, onFilterChanged }: GiftFiltersProps) {
  const text = useMessages(mallMessages)
  const categories = useQuery(giftCategoriesQuery()).data?.items ?? []
  const chips = [{ id: undefined, name: text.categoriesAll }, ...categories.map((category) => ({ id: category.id, name: category.name }))]
  return (
    <View className='gift-filters'>
      {/* A scrolling View, not <ScrollView>: on H5 every Taro component loads with the first screen. */}
      <View className='gift-filters__categories'>
        {chips.map((chip) => (
          <View
            key={chip.id ?? 'all'}
            className={`gift-filters__chip ${filter.category === chip.id ? 'gift-filters__chip--active' : ''}`}
            hoverClass='gift-filters__chip--pressed'
            role='button'
            tabIndex={0}
            aria-pressed={filter.category === chip.id}
            data-testid={`category-${chip.id ?? 'all'}`}
            onClick={() => onFilterChanged({ ...filter, category: chip.id })}
          >
            <Text>{chip.name}</Text>
          </View>
        ))}
      </View>
      {canFilterAffordable ? (
        <View
          className={`gift-filters__chip gift-filters__toggle ${filter.isAffordableOnly ? 'gift-filters__chip--active' : ''}`}
          hoverClass='gift-filters__chip--pressed'
          role='switch'
          tabIndex={0}
          aria-checked={Boolean(filter.isAffordableOnly)}
          data-testid='affordable-only'
          onClick={() => onFilterChanged({ ...filter, isAffordableOnly: !filter.isAffordableOnly })}
        >
          <Text>{text.affordableOnly}</Text>
        </View>
      ) : null}
    </View>
  )
}
