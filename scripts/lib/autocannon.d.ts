// The part of autocannon's programmatic API the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type RequestParams = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  type Request = RequestParams & {
    /** Called before each send of this request; return the request to send. */
    setupRequest?: (request: RequestParams & Record<string, unknown>, context: Record<string, unknown>) => unknown
  }

  type Options = {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Seconds per request. */
    timeout?: number
    pipelining?: number
    requests?: Request[]
    title?: string
  }

  type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
    p99_9: number
  }

  type Result = {
    title?: string
    connections: number
    duration: number
    errors: number
    timeouts: number
    resets: number
    non2xx: number
    mismatches: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
    /** Milliseconds. */
    latency: Histogram & { totalCount: number }
    /** Per second. */
    requests: Histogram & { sent: number }
    /** Bytes per second. */
    throughput: Histogram
  }

  type Instance = EventEmitter & { stop(): void }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance

  namespace autocannon {
    export type { Options, Request, RequestParams, Result, Instance }
  }

  export = autocannon
}
