import { startMockServer } from './server'

// `npm run mock`: MOCK_PORT (default 9527), MOCK_DATA_DIR (default .data), MOCK_STORE=memory to write nothing.
const main = async (): Promise<void> => {
  const port = Number(process.env.MOCK_PORT ?? 9527)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[mock] MOCK_PORT must be a port number, not "${process.env.MOCK_PORT}".`)
    process.exit(1)
  }
  const storeKind = process.env.MOCK_STORE === 'memory' ? 'memory' : 'file'
  const server = await startMockServer({
    port,
    dataDir: process.env.MOCK_DATA_DIR ?? '.data',
    storeKind,
    log: console.log,
  })
  console.log(`[mock] FanLoop mock API: ${server.apiBase}`)
  console.log(`[mock] OpenAPI: ${server.apiBase}/openapi.json`)
  console.log(
    server.store.filePath
      ? `[mock] Data: ${server.store.filePath}`
      : '[mock] Data: memory only (MOCK_STORE=memory): nothing is written, a restart starts from the seed',
  )

  let isStopping = false
  const stop = (signal: string): void => {
    if (isStopping) return
    isStopping = true
    console.log(`[mock] ${signal}: stopping`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[mock] Stopped with an error:', error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error('[mock] Could not start:', error)
  process.exit(1)
})
