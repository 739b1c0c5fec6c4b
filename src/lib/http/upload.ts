import Taro from '@tarojs/taro'
import * as v from 'valibot'
import type { Endpoint, ResponseOf } from '@/contract'
import { apiBase } from '@/lib/env'
// Through the index only: a direct import of ./request from this async module would keep webpack from
// concatenating it into the first-screen bundle.
import { ApiError, errorFromAnswer, tokenForRequests } from './index'

/** A photo over a slow mobile link takes longer than a JSON call: give it a minute. */
const UPLOAD_TIMEOUT_MS = 60_000

export type UploadOptions = {
  /** A local file: a temp path on the mini-program, a blob: URL on H5. */
  filePath: string
  /** 0-100 as the bytes go out (both platforms report it: wx.uploadFile, and XHR upload progress on H5). */
  onProgress?: (percent: number) => void
  timeoutMs?: number
}

/**
 * Sends one file to a multipart endpoint (`file` in the contract), the way `request` sends JSON: the same base
 * URL, token and error mapping, and the answer checked against the contract. Not in `@/lib/http`'s index, so
 * only the pages that upload carry it.
 */
export function uploadFile<E extends Endpoint>(endpoint: E, options: UploadOptions): Promise<ResponseOf<E>> {
  if (!endpoint.file) throw new Error(`${endpoint.method} ${endpoint.path} takes no file`)
  const header: Record<string, string> = { Accept: 'application/json' }
  const token = tokenForRequests()
  if (token) header.Authorization = `Bearer ${token}`
  const timeoutMs = options.timeoutMs ?? UPLOAD_TIMEOUT_MS
  return new Promise<ResponseOf<E>>((resolve, reject) => {
    let isSettled = false
    const settle = (action: () => void) => {
      if (isSettled) return
      isSettled = true
      clearTimeout(timer)
      action()
    }
    const task = Taro.uploadFile({
      url: `${apiBase}${endpoint.path}`,
      filePath: options.filePath,
      name: endpoint.file?.field ?? 'file',
      header,
      timeout: timeoutMs + 1000,
      // Our API reads the token from the header, never a cookie: no credentials cross origins.
      withCredentials: false,
      success: (answer) => {
        settle(() => {
          // The mini-program hands the body back as a string; H5 as the XHR's text.
          let data: unknown = answer.data
          if (typeof data === 'string') {
            try {
              data = JSON.parse(data)
            } catch {
              data = null
            }
          }
          const transport = { statusCode: answer.statusCode, data, header: {} }
          if (answer.statusCode < 200 || answer.statusCode >= 300) return reject(errorFromAnswer(transport))
          const parsed = v.safeParse(endpoint.response, data)
          if (!parsed.success)
            return reject(new ApiError({ kind: 'bad-response', status: answer.statusCode, message: `${endpoint.path}: unexpected answer` }))
          resolve(parsed.output as ResponseOf<E>)
        })
      },
      fail: (failure) => {
        settle(() => {
          const message = (failure as { errMsg?: string }).errMsg ?? ''
          reject(new ApiError({ kind: /timeout/i.test(message) ? 'timeout' : 'network', message: message || 'upload failed' }))
        })
      },
    } as Taro.uploadFile.Option) as unknown as Taro.UploadTask & { catch?: (handler: () => void) => void }
    // H5's uploadFile also answers a promise: failures are already handled by `fail`.
    task.catch?.(() => undefined)
    task.onProgressUpdate?.((progress) => options.onProgress?.(progress.progress))
    const timer = setTimeout(() => {
      settle(() => {
        task.abort?.()
        reject(new ApiError({ kind: 'timeout', message: `no answer within ${timeoutMs} ms` }))
      })
    }, timeoutMs)
  })
}
