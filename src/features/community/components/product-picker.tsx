import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { Product } from '@/contract/distribution'
import { ActionButton } from '@/components/action-button'
import { formatFen } from '@/lib/format'
import { isApiError } from '@/lib/http'
import { useMessages } from '@/lib/i18n'
import { productQuery, productsQuery } from '@/features/distribution/api/product-queries'
import { composeProductMessages } from '../compose-product-messages'
import './product-picker.scss'

type PickerText = (typeof composeProductMessages)['zh-CN']

/** One product as a row: picture, name, price and what the KOL would earn on it (integer fen shown as ¥x.xx). */
function ProductLine({ product, text }: { product: Product; text: PickerText }) {
  return (
    <>
      {product.images[0] ? (
        // Decorative: the name beside it says what it is.
        <Image className='compose-product__img' src={product.images[0]} mode='aspectFill' aria-hidden='true' />
      ) : null}
      <View className='compose-product__body'>
        <Text className='compose-product__name' data-testid='compose-product-name'>
          {product.name}
        </Text>
        <View className='compose-product__line'>
          <Text className='compose-product__price' data-testid='compose-product-price'>
            {formatFen(product.priceFen)}
          </Text>
          <Text className='compose-product__earn' data-testid='compose-product-earn'>
            {text.earn(formatFen(product.commissionFen))}
          </Text>
        </View>
      </View>
    </>
  )
}

/**
 * 添加商品 / 分享赚: a distributor attaches one product of the catalogue to the post, so orders through it pay them.
 * The composer renders this only for a member the server says can distribute; the server refuses anyone else
 * anyway (403 NOT_DISTRIBUTOR). The choice lives in the draft like the topic: this only shows and changes it.
 */
export function ProductPicker({
  productId,
  onChange,
}: {
  productId: string | null
  onChange: (productId: string | null) => void
}) {
  const text = useMessages(composeProductMessages)
  const [isOpen, setIsOpen] = useState(false)
  // The catalogue is read only once the list is opened; the attached one on its own (a draft reopened later).
  const products = useInfiniteQuery({ ...productsQuery(), enabled: isOpen && productId === null })
  const attached = useQuery({ ...productQuery(productId ?? ''), enabled: productId !== null })
  const isGone = isApiError(attached.error) && attached.error.code === 'NOT_FOUND'

  const pick = (id: string) => {
    onChange(id)
    setIsOpen(false)
  }

  return (
    <View className='composer__card' data-testid='compose-product'>
      <View className='composer__heading'>
        <Text>{text.title}</Text>
      </View>
      <Text className='composer__muted'>{text.hint}</Text>
      {productId !== null ? (
        <View className='compose-product__row' data-testid='compose-product-attached'>
          {attached.data ? (
            <ProductLine product={attached.data} text={text} />
          ) : (
            <View className='compose-product__body' role={attached.isError ? 'alert' : undefined}>
              <Text className={attached.isError ? 'compose-product__problem' : 'composer__muted'}>
                {isGone ? text.gone : attached.isError ? text.loadFailed : text.loading}
              </Text>
            </View>
          )}
          <View
            className='compose-product__remove'
            role='button'
            aria-label={text.removeLabel(attached.data?.name ?? '')}
            hoverClass='compose-product--pressed'
            data-testid='compose-product-remove'
            onClick={() => onChange(null)}
          >
            <Text>{text.remove}</Text>
          </View>
        </View>
      ) : isOpen ? (
        <View className='compose-product__list' role='list' aria-label={text.listLabel}>
          {products.isPending ? <Text className='composer__muted'>{text.loading}</Text> : null}
          {products.isError ? (
            <View className='compose-product__line' role='alert'>
              <Text className='compose-product__problem'>{text.loadFailed}</Text>
              <ActionButton variant='text' testId='compose-product-retry' onTap={() => void products.refetch()}>
                {text.retry}
              </ActionButton>
            </View>
          ) : null}
          {products.data?.pages.every((page) => page.items.length === 0) ? (
            <Text className='composer__muted'>{text.empty}</Text>
          ) : null}
          {products.data?.pages
            .flatMap((page) => page.items)
            .map((product) => (
              <View
                key={product.id}
                className='compose-product__row compose-product__option'
                role='button'
                aria-label={text.pick(product.name)}
                hoverClass='compose-product--pressed'
                data-testid={`compose-product-option-${product.id}`}
                onClick={() => pick(product.id)}
              >
                <ProductLine product={product} text={text} />
              </View>
            ))}
          {products.hasNextPage ? (
            <ActionButton
              variant='text'
              isBusy={products.isFetchingNextPage}
              testId='compose-product-more'
              onTap={() => void products.fetchNextPage()}
            >
              {text.more}
            </ActionButton>
          ) : null}
          <ActionButton variant='text' testId='compose-product-close' onTap={() => setIsOpen(false)}>
            {text.close}
          </ActionButton>
        </View>
      ) : (
        <ActionButton variant='secondary' testId='compose-product-add' onTap={() => setIsOpen(true)}>
          {text.add}
        </ActionButton>
      )}
    </View>
  )
}
