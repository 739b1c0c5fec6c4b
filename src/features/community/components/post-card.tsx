import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useQuery } from '@tanstack/react-query'
import type { Post } from '@/contract'
import { productQuery } from '@/features/distribution/api/product-queries'
import { kolRoutes } from '@/features/distribution/lib/kol-routes'
import { formatFen } from '@/lib/format'
import { useMessages } from '@/lib/i18n'
import { feedMessages } from '../feed-messages'
import { designLength } from '../lib/design-units'
import {
  AUTHOR_ROW_HEIGHT,
  META_ROW_HEIGHT,
  MORE_ROW_HEIGHT,
  PRODUCT_CARD_HEIGHT,
  TEXT_LINE_HEIGHT,
  postCardLayout,
} from '../lib/card-layout'
import { AuthorLine } from './author-line'
import { ImageGrid } from './image-grid'
import './post-card.scss'

type PostCardProps = { post: Post; onOpened: (post: Post) => void }

/**
 * A feed card. Every block gets the height postCardLayout computed (the virtual list placed the card by the
 * same numbers), and the text is clamped to its lines with "全文" below. User text is rendered as text.
 */
export function PostCard({ post, onOpened }: PostCardProps) {
  const text = useMessages(feedMessages)
  const layout = postCardLayout(post)
  return (
    <View
      className='feed-card'
      hoverClass='feed-card--pressed'
      role='link'
      tabIndex={0}
      style={{ height: designLength(layout.height) }}
      data-testid='post-card'
      data-post-id={post.id}
      onClick={() => onOpened(post)}
    >
      <AuthorLine author={post.author} isPinned={post.isPinned} height={AUTHOR_ROW_HEIGHT} />
      {layout.textLines > 0 ? (
        <View className='feed-card__text-box' style={{ height: designLength(layout.textLines * TEXT_LINE_HEIGHT) }}>
          <Text className='feed-card__text' style={{ WebkitLineClamp: layout.textLines }} data-testid='post-text'>
            {post.text}
          </Text>
        </View>
      ) : null}
      {layout.isClamped ? (
        <Text className='feed-card__more' style={{ height: designLength(MORE_ROW_HEIGHT) }} data-testid='post-more'>
          {text.more}
        </Text>
      ) : null}
      {layout.images.height > 0 ? <ImageGrid images={post.images} grid={layout.images} /> : null}
      {layout.hasProduct && post.productId ? <ProductBlock post={post} productId={post.productId} /> : null}
      <View className='feed-card__meta' style={{ height: designLength(META_ROW_HEIGHT) }}>
        {post.topic ? <Text className='feed-card__topic'>#{post.topic}</Text> : <View />}
        <View className='feed-card__counts'>
          <Text data-testid='post-like-count'>{text.likes(post.likeCount)}</Text>
          <Text data-testid='post-comment-count'>{text.comments(post.commentCount)}</Text>
        </View>
      </View>
    </View>
  )
}

/**
 * The product a 分享赚 post carries: its name and price once the server has said them, in the height the layout
 * gave the block. A tap opens the product page with the post, so an order through it pays the post's author.
 */
export function ProductBlock({ post, productId }: { post: Post; productId: string }) {
  const text = useMessages(feedMessages)
  const product = useQuery(productQuery(productId)).data
  return (
    <View
      className='feed-card__product'
      style={{ height: designLength(PRODUCT_CARD_HEIGHT) }}
      role='link'
      tabIndex={0}
      data-testid='post-product'
      onClick={(event) => {
        event.stopPropagation()
        void Taro.navigateTo({
          url: `${kolRoutes.product}?id=${encodeURIComponent(productId)}&postId=${encodeURIComponent(post.id)}`,
        })
      }}
    >
      <View className='feed-card__product-mark' aria-hidden>
        <Text>¥</Text>
      </View>
      <View className='feed-card__product-body'>
        <Text className='feed-card__product-title' data-testid='post-product-name'>
          {product ? `${product.name} · ${formatFen(product.priceFen)}` : text.product}
        </Text>
        <Text className='feed-card__product-hint'>{text.productHint}</Text>
      </View>
    </View>
  )
}
