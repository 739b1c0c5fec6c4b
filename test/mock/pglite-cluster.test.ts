import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, pristineClusterFile } from '../../mock/platform/db'

// A new PGlite cluster starts from a tarball of a pristine one (made by the first initdb) instead of running
// initdb again; a damaged tarball is replaced, never fatal.
jest.setTimeout(60_000)

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'fanloop-cluster-'))

describe('new PGlite clusters', () => {
  const realCache = process.env.MOCK_PGLITE_CACHE_DIR
  let folder: string
  beforeEach(() => {
    folder = tempDir()
    process.env.MOCK_PGLITE_CACHE_DIR = folder
  })
  afterEach(() => {
    if (realCache === undefined) delete process.env.MOCK_PGLITE_CACHE_DIR
    else process.env.MOCK_PGLITE_CACHE_DIR = realCache
    fs.rmSync(folder, { recursive: true, force: true })
  })

  const usable = async (kind: 'memory' | 'file') => {
    const db =
      kind === 'memory'
        ? await openDatabase({ kind: 'pglite-memory' })
        : await openDatabase({ kind: 'pglite-file', dataDir: path.join(folder, `data-${Math.random()}`) })
    try {
      await db.transaction((sql) => sql.exec('CREATE TABLE t (n int); INSERT INTO t VALUES (1)'))
      return await db.transaction((sql) => sql.query<{ n: number }>('SELECT n FROM t'))
    } finally {
      await db.close()
    }
  }

  it('keeps the first pristine cluster and starts the next ones, in memory and in a folder, from it', async () => {
    expect(pristineClusterFile().startsWith(folder)).toBe(true)
    expect(await usable('memory')).toEqual([{ n: 1 }])
    const kept = fs.statSync(pristineClusterFile())
    expect(kept.size).toBeGreaterThan(1_000_000)
    expect(await usable('memory')).toEqual([{ n: 1 }])
    expect(await usable('file')).toEqual([{ n: 1 }])
    // Started from it, not made again, and nothing written to it by the clusters that came from it.
    expect(fs.statSync(pristineClusterFile()).mtimeMs).toBe(kept.mtimeMs)
  })

  it('replaces a damaged tarball and still starts', async () => {
    fs.writeFileSync(pristineClusterFile(), 'not a tarball')
    expect(await usable('file')).toEqual([{ n: 1 }])
    expect(fs.statSync(pristineClusterFile()).size).toBeGreaterThan(1_000_000)
    expect(await usable('memory')).toEqual([{ n: 1 }])
  })
})
