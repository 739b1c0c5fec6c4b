import type { ApiClient } from './client'
import { newKey, signUp } from './client'

/** The smallest bytes each type starts with, then filler: the server judges the bytes, not the name. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
export const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38])

export const uploadBytes = (
  api: ApiClient,
  token: string,
  bytes: Uint8Array<ArrayBuffer>,
  name = 'photo.png',
  type = 'image/png',
) => {
  const form = new FormData()
  form.append('file', new Blob([bytes], { type }), name)
  return api.request('POST', '/uploads', { token, form })
}

export const createPost = (api: ApiClient, token: string, body: Record<string, unknown>, idempotencyKey = newKey()) =>
  api.request('POST', '/posts', { token, body, idempotencyKey })

export const comment = (api: ApiClient, token: string, postId: string, body: Record<string, unknown>) =>
  api.request('POST', `/posts/${postId}/comments`, { token, body, idempotencyKey: newKey() })

/** Reports `path` (`/posts/{id}` or `/comments/{id}`) by `count` new members, each once: 5 hide it. */
export const reportByNewMembers = async (api: ApiClient, path: string, count: number, reason = 'spam') => {
  for (let index = 0; index < count; index += 1) {
    const { token } = await signUp(api)
    const response = await api.request('POST', `${path}/report`, { token, body: { reason }, idempotencyKey: newKey() })
    if (response.status !== 200) throw new Error(`report ${path}: ${response.status} ${response.text}`)
  }
}
