export { connectAppVisibility, createQueryClient, type QueryClientHooks } from './query-client'
export { useRefreshOnShow } from './use-refresh-on-show'
