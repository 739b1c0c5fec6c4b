import fs from 'node:fs'
import path from 'node:path'
import { setImmediate } from 'node:timers'
import * as v from 'valibot'
import { MockState } from './state'
import { createSeedState } from './seed'

/**
 * The whole mock state in memory, mutated synchronously by handlers. `commit()` resolves once every
 * mutation made before it is durable, so a handler that awaits it before answering 2xx keeps the
 * promise of api-contract.md: an answered write survives `kill -9`.
 */
export type MockStore = {
  readonly kind: 'file' | 'memory'
  /** The data file, or null when nothing is written. */
  readonly filePath: string | null
  readonly state: MockState
  /** Swaps in a whole new state (reset); it is committed like any mutation. */
  replace(next: MockState): void
  commit(): Promise<void>
  /** Waits for writes already under way. */
  close(): Promise<void>
}

export const DATA_FILE_NAME = 'mock-db.json'

export const createMemoryStore = (options: { realNow?: () => number } = {}): MockStore => {
  let state = createSeedState((options.realNow ?? Date.now)())
  return {
    kind: 'memory',
    filePath: null,
    get state() {
      return state
    },
    replace(next) {
      state = next
    },
    commit: () => Promise.resolve(),
    close: () => Promise.resolve(),
  }
}

type FileStoreOptions = {
  dataDir: string
  log?: (message: string) => void
  realNow?: () => number
}

/** Why a data file cannot be used, or null when it holds a valid state. */
const readState = (filePath: string): { state: MockState } | { reason: string } => {
  let text: string
  try {
    text = fs.readFileSync(filePath, 'utf8')
  } catch (error) {
    return { reason: `it could not be read (${(error as Error).message})` }
  }
  if (text.trim() === '') return { reason: 'it is empty' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { reason: `it is not valid JSON (${(error as Error).message})` }
  }
  const parsed = v.safeParse(MockState, json)
  if (!parsed.success) {
    const issue = parsed.issues[0]
    const where = v.getDotPath(issue) ?? 'the top level'
    return { reason: `it is not a FanLoop mock state (at ${where}: ${issue.message})` }
  }
  return { state: parsed.output }
}

const fsyncDirectory = (dir: string): void => {
  // Makes the rename itself durable; some platforms cannot open a directory, and then the rename is all we get.
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    /* best effort */
  }
}

let tempCounter = 0
const tempPathFor = (filePath: string): string => `${filePath}.tmp-${process.pid}-${(tempCounter += 1)}`

const writeAtomicallySync = (filePath: string, json: string): void => {
  const tempPath = tempPathFor(filePath)
  const fd = fs.openSync(tempPath, 'w')
  try {
    fs.writeFileSync(fd, json, 'utf8')
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tempPath, filePath)
  fsyncDirectory(path.dirname(filePath))
}

const writeAtomically = async (filePath: string, json: string): Promise<void> => {
  const tempPath = tempPathFor(filePath)
  try {
    const handle = await fs.promises.open(tempPath, 'w')
    try {
      await handle.writeFile(json, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(tempPath, filePath)
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true })
    throw error
  }
  fsyncDirectory(path.dirname(filePath))
}

/**
 * `${dataDir}/mock-db.json`, written whole and atomically (temp file, fsync, rename). A file that cannot
 * be used is reported, moved aside as `mock-db.json.corrupt-<time>`, and replaced by a fresh seed:
 * the server always starts.
 */
export const createFileStore = ({ dataDir, log = () => {}, realNow = Date.now }: FileStoreOptions): MockStore => {
  fs.mkdirSync(dataDir, { recursive: true })
  const filePath = path.resolve(dataDir, DATA_FILE_NAME)
  for (const name of fs.readdirSync(path.dirname(filePath))) {
    // Left by a process killed mid-write; the data file itself is always whole.
    if (name.startsWith(`${DATA_FILE_NAME}.tmp-`)) fs.rmSync(path.join(path.dirname(filePath), name), { force: true })
  }

  let state: MockState
  const loaded = fs.existsSync(filePath) ? readState(filePath) : null
  if (loaded && 'state' in loaded) {
    state = loaded.state
  } else {
    if (loaded) {
      const asidePath = `${filePath}.corrupt-${new Date(realNow()).toISOString().replace(/[:.]/g, '-')}`
      fs.renameSync(filePath, asidePath)
      log(`[mock] Could not use ${filePath}: ${loaded.reason}. Moved it to ${asidePath} and started from a fresh seed.`)
    }
    state = createSeedState(realNow())
  }
  let lastWritten = JSON.stringify(state)
  writeAtomicallySync(filePath, lastWritten)

  let scheduled: Promise<void> | null = null
  let writing: Promise<void> = Promise.resolve()

  const flush = (): Promise<void> => {
    // Snapshot now, synchronously: every mutation made before this tick is in it.
    const json = JSON.stringify(state)
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        if (json === lastWritten) return
        await writeAtomically(filePath, json)
        lastWritten = json
      })
    return writing
  }

  return {
    kind: 'file',
    filePath,
    get state() {
      return state
    },
    replace(next) {
      state = next
    },
    commit() {
      // Group commit: every request that mutated in this tick waits for the same single write.
      scheduled ??= new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          scheduled = null
          flush().then(resolve, reject)
        })
      })
      return scheduled
    },
    async close() {
      await scheduled?.catch(() => undefined)
      await writing.catch(() => undefined)
    },
  }
}
