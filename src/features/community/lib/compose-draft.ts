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
  cleared: () => void
}

const EMPTY: Omit<ComposeDraft, 'ownerId'> = { text: '', topic: null, images: [], productId: null }

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
      imageUploaded: (url) => set((state) => ({ images: state.images.includes(url) ? state.images : [...state.images, url] })),
      imageRemoved: (url) => set((state) => ({ images: state.images.filter((item) => item !== url) })),
      imageMovedEarlier: (url) =>
        set((state) => {
          const index = state.images.indexOf(url)
          if (index <= 0) return state
          const images = [...state.images]
          ;[images[index - 1], images[index]] = [images[index] as string, images[index - 1] as string]
          return { images }
        }),
      cleared: () => set(EMPTY),
    }),
    {
      name: 'fanloop.compose-draft',
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ ownerId, text, topic, images, productId }) => ({ ownerId, text, topic, images, productId }),
    },
  ),
)
