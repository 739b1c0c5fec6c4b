import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'

export type ComposeDraft = {
  /** The member writing it: on a shared phone, another member who signs in does not inherit it. */
  ownerId: string | null
  text: string
  topic: string | null
  /** URLs the server answered for uploaded photos, in the order they will be posted. */
  images: string[]
  /** The product a distributor attached (分享赚): orders through the post pay its author. */
  productId: string | null
  /**
   * 未通过 posts this draft is the corrected version of (修改后重发, and each attempt rejected again since): once the
   * server accepts the new post they are deleted, so the author is not left with the refused copies.
   */
  replaces: string[]
}

/** What 修改后重发 takes from a rejected post. */
export type ReworkedPost = {
  id: string
  text: string
  topic: string | null
  images: string[]
  productId?: string | null
}

type DraftState = ComposeDraft & {
  /** The signed-in member opened the composer: a draft of someone else is dropped. */
  ownerSeen: (memberId: string) => void
  textChanged: (text: string) => void
  topicChosen: (topic: string | null) => void
  productChosen: (productId: string | null) => void
  imageUploaded: (url: string) => void
  imageRemoved: (url: string) => void
  /** Swaps a photo with the one before it (the first stays first). */
  imageMovedEarlier: (url: string) => void
  /** 修改后重发: the draft becomes that post (text, topic, photos, product), to be changed and published again. */
  reworkStarted: (post: ReworkedPost) => void
  /** The corrected post was refused too: it is replaced along with the others once one is accepted. */
  rejectedAgain: (postId: string) => void
  /** The author chose to keep the rejected posts: this draft is a post of its own. */
  replacingDropped: () => void
  cleared: () => void
}

const EMPTY: Omit<ComposeDraft, 'ownerId'> = { text: '', topic: null, images: [], productId: null, replaces: [] }

/** Something the author wrote or chose that is not yet a post (the draft is not empty). */
export const hasDraftContent = (draft: ComposeDraft): boolean =>
  draft.text.trim() !== '' || draft.images.length > 0 || draft.topic !== null || draft.productId !== null

/**
 * The post being written, kept in Taro storage as it changes: leaving the page, a failed upload or a closed app
 * loses nothing. Only what the server holds is kept for photos (their URLs); a local file path may be gone later.
 */
export const useComposeDraft = create<DraftState>()(
  persist(
    (set) => ({
      ...EMPTY,
      ownerId: null,
      ownerSeen: (memberId) =>
        set((state) =>
          state.ownerId === memberId
            ? state
            : // Unowned (written before the member was known): theirs. Another member's: dropped.
              state.ownerId === null
              ? { ownerId: memberId }
              : { ...EMPTY, ownerId: memberId },
        ),
      textChanged: (text) => set({ text }),
      topicChosen: (topic) => set({ topic }),
      productChosen: (productId) => set({ productId }),
      imageUploaded: (url) =>
        set((state) => ({ images: state.images.includes(url) ? state.images : [...state.images, url] })),
      imageRemoved: (url) => set((state) => ({ images: state.images.filter((item) => item !== url) })),
      imageMovedEarlier: (url) =>
        set((state) => {
          const index = state.images.indexOf(url)
          if (index <= 0) return state
          const images = [...state.images]
          ;[images[index - 1], images[index]] = [images[index] as string, images[index - 1] as string]
          return { images }
        }),
      reworkStarted: (post) =>
        set({
          text: post.text,
          topic: post.topic,
          images: [...post.images],
          productId: post.productId ?? null,
          replaces: [post.id],
        }),
      rejectedAgain: (postId) =>
        set((state) => (state.replaces.includes(postId) ? state : { replaces: [...state.replaces, postId] })),
      replacingDropped: () => set({ replaces: [] }),
      cleared: () => set(EMPTY),
    }),
    {
      name: 'fanloop.compose-draft',
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ ownerId, text, topic, images, productId, replaces }) => ({
        ownerId,
        text,
        topic,
        images,
        productId,
        replaces,
      }),
    },
  ),
)
