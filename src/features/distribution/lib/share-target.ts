export type ShareTarget = {
  title?: string
  /** The page to open, from the root (`/pages/home/index`), without a query. */
  path: string
  /** The page's own query (`id=gift-1`), if it needs one to show the same thing. */
  query?: string
}
