// Serves the H5 production build the way a real host would: gzip on text assets (Lighthouse and
// slow-phone timings depend on it), history fallback for the browser router, and `/api/*` on the
// same origin forwarded to the mock server, as the dev server does (config/index.ts).
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg'])

export type StaticServer = { url: string; close(): Promise<void> }

export type StaticServerOptions = {
  root: string
  /** Origin that `/api/*` is forwarded to, path kept as is. */
  apiTarget?: string
}

export async function startStaticServer({ root, apiTarget }: StaticServerOptions): Promise<StaticServer> {
  const rootDir = path.resolve(root)
  const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>()

  const sendFile = (req: http.IncomingMessage, res: http.ServerResponse, file: string, status = 200) => {
    const ext = path.extname(file).toLowerCase()
    const stat = fs.statSync(file)
    const isIndex = path.basename(file) === 'index.html'
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      // Hashed file names never change content; the HTML that names them must always be fresh.
      'Cache-Control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    }
    let body: Buffer = fs.readFileSync(file)
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding'
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const cached = gzipCache.get(file)
        const gz = cached && cached.mtimeMs === stat.mtimeMs ? cached.body : zlib.gzipSync(body, { level: 9 })
        gzipCache.set(file, { mtimeMs: stat.mtimeMs, body: gz })
        body = gz
        headers['Content-Encoding'] = 'gzip'
      }
    }
    headers['Content-Length'] = body.length
    res.writeHead(status, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const proxy = (req: http.IncomingMessage, res: http.ServerResponse, target: URL) => {
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `mock API unreachable: ${error.message}` } }))
    })
    req.pipe(upstream)
  }

  const server = http.createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (apiTarget && (url.pathname === '/api' || url.pathname.startsWith('/api/'))) {
        proxy(req, res, new URL(apiTarget))
        return
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end()
        return
      }
      const file = path.join(rootDir, path.normalize(decodeURIComponent(url.pathname)))
      if (!file.startsWith(rootDir)) {
        res.writeHead(403).end()
        return
      }
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        sendFile(req, res, file)
        return
      }
      // A missing asset must stay a 404 (serving HTML as a JS chunk hides the real error); anything
      // else is a router path like /pages/home/index?ref=CODE.
      if (path.extname(url.pathname)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${url.pathname}`)
        return
      }
      sendFile(req, res, path.join(rootDir, 'index.html'))
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error))
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
