import { useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { POST_IMAGES_MAX, POST_TEXT_MAX, UPLOAD_MAX_BYTES, isBlankText } from '@/contract/community'
import { communityEndpoints } from '@/contract/community-endpoints'
import { ActionButton } from '@/components/action-button'
import { createIdempotencyKey, isApiError, request } from '@/lib/http'
import { uploadFile } from '@/lib/http/upload'
import { describeError, useLocale, useMessages } from '@/lib/i18n'
import { meQuery } from '@/features/account/api/account-queries'
import { distributionStatusQuery } from '@/features/distribution/api/rights-queries'
import { topicsQuery, useCreatePost } from '../api/compose-queries'
import { composeMessages } from '../compose-messages'
import { composeProductMessages } from '../compose-product-messages'
import { useComposeDraft } from '../lib/compose-draft'
import { pickImages, releaseImage } from '../lib/pick-images'
import { textRefusalOf } from '../lib/text-refusal'
import { ComposeTextarea } from './compose-textarea'
import { ProductPicker } from './product-picker'
import { PublishResult } from './publish-result'
import './post-composer.scss'

/** A photo on its way to the server, or one that did not get there (kept with the reason until retried or removed). */
type PendingImage = { key: string; path: string; size: number; progress: number; reason: string | null }

type ComposeText = (typeof composeMessages)['zh-CN']

/** Why an upload failed, in words that say what to do about it. */
function uploadReason(error: unknown, text: ComposeText, locale: 'zh-CN' | 'en'): string {
  if (isApiError(error)) {
    if (error.code === 'PAYLOAD_TOO_LARGE') return text.uploadReasons.tooLarge as string
    if (error.fields.file) return text.uploadReasons.notImage as string
    if (error.kind === 'network') return text.uploadReasons.network as string
    if (error.kind === 'timeout') return text.uploadReasons.timeout as string
    if (error.kind === 'unauthorized') return text.uploadReasons.signIn as string
  }
  return describeError(error, locale)
}

/** Why the server refused the text, in the UI language (its own words are never shown). */
function textProblem(serverWords: string, text: ComposeText): string {
  switch (textRefusalOf(serverWords)) {
    case 'empty':
    case 'blank':
      return text.needText
    case 'tooLong':
      return text.tooLong(POST_TEXT_MAX)
    case 'controlCharacters':
      return text.textHasControl
    default:
      return text.textRefused
  }
}

let pendingSeq = 0

/**
 * The composer: text with a live counter, up to 9 photos uploaded one by one with their progress (removable,
 * reorderable), a topic, and publishing. Everything the server already holds is in the draft store, so leaving
 * the page or a failed upload loses nothing; after publishing it shows the post's review state.
 */
export function PostComposer() {
  const text = useMessages(composeMessages)
  const locale = useLocale((state) => state.locale)
  const draft = useComposeDraft()
  const topics = useQuery(topicsQuery())
  const me = useQuery(meQuery())
  // Only a member with distribution rights may attach a product (the server refuses anyone else).
  const rights = useQuery(distributionStatusQuery())
  const canAttachProduct = rights.data?.isDistributor === true
  // What is sent is what is shown: a product in the draft goes out only while the picker shows it.
  const productId = canAttachProduct ? draft.productId : null
  const productText = useMessages(composeProductMessages)
  const memberId = me.data?.id
  useEffect(() => {
    if (memberId) useComposeDraft.getState().ownerSeen(memberId)
  }, [memberId])
  const createPost = useCreatePost()
  const queryClient = useQueryClient()
  const [isReplacedLeft, setIsReplacedLeft] = useState(false)
  const [pending, setPending] = useState<PendingImage[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [publishedId, setPublishedId] = useState<string | null>(null)
  // 修改后重发 of a post whose topic the operator has removed since: the composer says so and leaves it out (the
  // server refuses a topic it no longer offers), instead of sending a topic no chip shows.
  const topicNames = topics.data?.items.map((topic) => topic.name)
  // Judged on the whole list only (it is read 50 at a time): a longer list leaves it to the server's refusal.
  const goneTopic =
    draft.topic !== null && topics.data?.nextCursor === null && !topicNames?.includes(draft.topic) ? draft.topic : null
  const topic = goneTopic === null ? draft.topic : null

  // One key per publishing intent: a retry of the same draft reuses it, any edit (or a topic found gone) starts a new one.
  const intentKey = useRef<string | null>(null)
  useEffect(() => {
    intentKey.current = null
  }, [draft.text, topic, draft.images, productId])

  const isUploading = pending.some((item) => item.reason === null)
  const slotsLeft = POST_IMAGES_MAX - draft.images.length - pending.length

  const patchPending = (key: string, patch: Partial<PendingImage>) =>
    setPending((items) => items.map((item) => (item.key === key ? { ...item, ...patch } : item)))

  /** Uploads one by one (a phone's uplink is the bottleneck); each success goes into the draft at once. */
  const upload = async (items: PendingImage[]) => {
    for (const item of items) {
      if (item.size > UPLOAD_MAX_BYTES) {
        patchPending(item.key, { reason: text.uploadReasons.tooLarge as string })
        continue
      }
      patchPending(item.key, { reason: null, progress: 0 })
      try {
        const uploaded = await uploadFile(communityEndpoints.upload, {
          filePath: item.path,
          onProgress: (progress) => patchPending(item.key, { progress }),
        })
        useComposeDraft.getState().imageUploaded(uploaded.url)
        releaseImage(item.path)
        setPending((current) => current.filter((other) => other.key !== item.key))
      } catch (error) {
        patchPending(item.key, { reason: uploadReason(error, text, locale) })
      }
    }
  }

  const addImages = async () => {
    if (slotsLeft <= 0) {
      setNotice(text.imagesFull(POST_IMAGES_MAX))
      return
    }
    const picked = await pickImages(slotsLeft)
    const items = picked.slice(0, slotsLeft).map((image) => {
      pendingSeq += 1
      return { key: `pending-${pendingSeq}`, path: image.path, size: image.size, progress: 0, reason: null }
    })
    if (items.length === 0) return
    setNotice(null)
    setPending((current) => [...current, ...items])
    await upload(items)
  }

  /**
   * 修改后重发: the new post is already the server's, so deleting the rejected ones it corrects (DELETE /posts/{id})
   * is a tidy-up after it. A delete that fails (no network, a 5xx) takes nothing from the author: they keep the new
   * post, are told, and can delete the old one by hand in 我的笔记. A 404 means it is gone already.
   */
  const removeReplaced = async (postIds: string[]) => {
    const results = await Promise.allSettled(
      postIds.map((id) => request(communityEndpoints.deletePost, { params: { id } })),
    )
    const isLeft = results.some(
      (result) => result.status === 'rejected' && !(isApiError(result.reason) && result.reason.status === 404),
    )
    setIsReplacedLeft(isLeft)
    await queryClient.invalidateQueries({ queryKey: ['posts'] })
  }

  const publish = () => {
    if (isBlankText(draft.text)) return setNotice(text.needText)
    if (isUploading) return setNotice(text.waitUploads)
    setNotice(null)
    intentKey.current ??= createIdempotencyKey()
    createPost.mutate(
      {
        idempotencyKey: intentKey.current,
        body: {
          text: draft.text,
          images: draft.images,
          ...(topic ? { topic } : {}),
          ...(productId !== null ? { productId } : {}),
        },
      },
      {
        // Removed while the composer was open: the topics are read again, so the notice names it and it is left out.
        onError: (error) => {
          if (isApiError(error) && error.fields.topic !== undefined)
            void queryClient.invalidateQueries({ queryKey: topicsQuery().queryKey })
        },
        onSuccess: (post) => {
          intentKey.current = null
          const { replaces } = useComposeDraft.getState()
          setIsReplacedLeft(false)
          if (post.status === 'rejected') {
            // A rejected post keeps its draft to be edited; this refused copy goes too once a corrected one passes.
            useComposeDraft.getState().rejectedAgain(post.id)
          } else {
            // Accepted (published, or pending review): it has left the composer, and replaces what it corrected.
            useComposeDraft.getState().cleared()
            if (replaces.length > 0) void removeReplaced(replaces)
          }
          setPublishedId(post.id)
        },
      },
    )
  }

  if (publishedId !== null) {
    return (
      <PublishResult postId={publishedId} isReplacedLeft={isReplacedLeft} onWriteAgain={() => setPublishedId(null)} />
    )
  }

  const publishError = createPost.error
  const textError = isApiError(publishError)
    ? publishError.fields.text !== undefined
      ? textProblem(publishError.fields.text, text)
      : publishError.fields.topic !== undefined
        ? text.topicRefused
        : publishError.fields.productId !== undefined
          ? productText.gone
          : publishError.code === 'NOT_DISTRIBUTOR'
            ? productText.notAllowed
            : undefined
    : undefined
  const count = draft.images.length + pending.length

  return (
    <View className='composer' data-testid='post-composer'>
      {draft.replaces.length > 0 ? (
        <View className='composer__card composer__rework' data-testid='compose-rework'>
          <Text className='composer__muted'>{text.reworking(draft.replaces.length)}</Text>
          <ActionButton variant='text' testId='compose-keep-rejected' onTap={draft.replacingDropped}>
            {text.keepRejected}
          </ActionButton>
        </View>
      ) : null}
      <View className='composer__card'>
        <ComposeTextarea
          value={draft.text}
          placeholder={text.placeholder}
          label={text.textLabel}
          maxLength={POST_TEXT_MAX}
          onChange={draft.textChanged}
        />
        <Text
          className={`composer__counter${draft.text.length >= POST_TEXT_MAX ? ' composer__counter--full' : ''}`}
          data-testid='compose-counter'
          aria-live='polite'
        >
          {text.counter(draft.text.length, POST_TEXT_MAX)}
        </Text>
        <Text className='composer__saved'>{text.draftKept}</Text>
      </View>

      <View className='composer__card'>
        <View className='composer__heading'>
          <Text>{text.images}</Text>
          <Text className='composer__muted' data-testid='compose-image-count'>
            {text.imagesCount(count, POST_IMAGES_MAX)}
          </Text>
        </View>
        <View className='composer__grid'>
          {draft.images.map((url, index) => (
            <View key={url} className='composer__tile' data-testid='compose-image'>
              <View role='img' aria-label={text.imageAlt(index + 1)} className='composer__tile-media'>
                <Image className='composer__img' src={url} mode='aspectFill' aria-hidden='true' />
              </View>
              <View
                className='composer__tile-remove'
                role='button'
                aria-label={text.removeImage(index + 1)}
                data-testid='compose-image-remove'
                onClick={() => draft.imageRemoved(url)}
              >
                <Text aria-hidden='true'>×</Text>
              </View>
              {index > 0 ? (
                <View
                  className='composer__tile-move'
                  role='button'
                  aria-label={text.moveEarlier(index + 1)}
                  data-testid='compose-image-earlier'
                  onClick={() => draft.imageMovedEarlier(url)}
                >
                  <Text aria-hidden='true'>←</Text>
                </View>
              ) : null}
            </View>
          ))}
          {pending
            .filter((item) => item.reason === null)
            .map((item) => (
              <View key={item.key} className='composer__tile composer__tile--pending' data-testid='compose-uploading'>
                <Text className='composer__progress-text'>{text.uploading(item.progress)}</Text>
                <View
                  className='composer__progress'
                  role='progressbar'
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={item.progress}
                >
                  <View className='composer__progress-bar' style={{ width: `${item.progress}%` }} />
                </View>
              </View>
            ))}
          {slotsLeft > 0 ? (
            <View
              className='composer__tile composer__tile--add'
              role='button'
              aria-label={text.addImage}
              hoverClass='composer__tile--pressed'
              data-testid='compose-add-image'
              onClick={() => void addImages()}
            >
              <Text className='composer__plus' aria-hidden='true'>
                +
              </Text>
              <Text className='composer__muted'>{text.addImage}</Text>
            </View>
          ) : null}
        </View>
        {pending
          .filter((item) => item.reason !== null)
          .map((item) => (
            <View key={item.key} className='composer__failed' role='alert' data-testid='compose-upload-failed'>
              <Text className='composer__failed-reason'>
                {text.uploadFailed}：{item.reason}
              </Text>
              <View className='composer__failed-actions'>
                <ActionButton variant='text' testId='compose-upload-retry' onTap={() => void upload([item])}>
                  {text.retry}
                </ActionButton>
                <ActionButton
                  variant='text'
                  testId='compose-upload-dismiss'
                  onTap={() => {
                    releaseImage(item.path)
                    setPending((current) => current.filter((other) => other.key !== item.key))
                  }}
                >
                  {text.delete}
                </ActionButton>
              </View>
            </View>
          ))}
      </View>

      <View className='composer__card'>
        <Text className='composer__heading'>{text.topic}</Text>
        <View className='composer__topics' role='radiogroup' aria-label={text.topic}>
          {[null, ...(topicNames ?? [])].map((name) => {
            const isChosen = topic === name
            return (
              <View
                key={name ?? '-'}
                className={`composer__topic${isChosen ? ' composer__topic--chosen' : ''}`}
                role='radio'
                aria-checked={isChosen}
                data-testid='compose-topic'
                onClick={() => draft.topicChosen(name)}
              >
                <Text>{name === null ? text.noTopic : `#${name}`}</Text>
              </View>
            )
          })}
        </View>
        {goneTopic !== null ? (
          <Text className='composer__muted' role='status' data-testid='compose-topic-gone'>
            {text.topicGone(goneTopic)}
          </Text>
        ) : null}
      </View>

      {canAttachProduct ? <ProductPicker productId={draft.productId} onChange={draft.productChosen} /> : null}

      {(notice ?? textError ?? publishError) ? (
        <View role='alert'>
          <Text className='composer__error' data-testid='compose-error'>
            {notice ?? textError ?? describeError(publishError, locale)}
          </Text>
        </View>
      ) : null}
      <ActionButton
        isBlock
        isBusy={createPost.isPending}
        isDisabled={isUploading}
        testId='compose-publish'
        onTap={publish}
      >
        {createPost.isPending ? text.publishing : text.publish}
      </ActionButton>
    </View>
  )
}
