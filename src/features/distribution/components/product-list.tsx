import Taro from '@tarojs/taro'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Image, Text, View } from '@tarojs/components'
import { InfiniteList } from '@/components/infinite-list'
import { formatFen } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { selectIsSignedIn, useSession } from '@/stores/session'
import { productsQuery } from '../api/product-queries'
import { distributionStatusQuery } from '../api/rights-queries'
import { kolMessages } from '../kol-messages'
import { kolRoutes } from '../lib/kol-routes'
import './kol.scss'

/** The catalogue with prices; for a distributor, what each would earn them. A KOL's taps carry their own code. */
export function ProductList() {
  const text = useMessages(kolMessages)
  const isSignedIn = useSession(selectIsSignedIn)
  const products = useInfiniteQuery(productsQuery())
  const status = useQuery({ ...distributionStatusQuery(), enabled: isSignedIn })
  const ownCode = status.data?.isDistributor ? status.data.referralCode : null
  return (
    <View data-testid='product-list'>
      <InfiniteList query={products} emptyTitle={text.productsEmpty}>
        {(items) => (
          <View className='kol-rows'>
            {items.map((product) => (
              <View
                key={product.id}
                className='kol-card kol-product'
                hoverClass='kol-row--pressed'
                role='link'
                tabIndex={0}
                data-testid={`product-${product.id}`}
                onClick={() =>
                  void Taro.navigateTo({
                    url: `${kolRoutes.product}?id=${encodeURIComponent(product.id)}${ownCode ? `&ref=${ownCode}` : ''}`,
                  })
                }
              >
                {product.images[0] ? (
                  <Image
                    className='kol-product__img'
                    src={product.images[0]}
                    mode='aspectFill'
                    lazyLoad
                    aria-hidden='true'
                  />
                ) : null}
                <View className='kol-product__body'>
                  <Text className='kol-row__name'>{product.name}</Text>
                  <Text className='kol-amount'>{formatFen(product.priceFen)}</Text>
                  {ownCode ? (
                    <Text className='kol-earn' data-testid='product-earn'>
                      {text.earn(formatFen(product.commissionFen))}
                    </Text>
                  ) : null}
                </View>
              </View>
            ))}
          </View>
        )}
      </InfiniteList>
    </View>
  )
}
