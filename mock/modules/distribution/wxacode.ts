import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'

// The mock's stand-in for WeChat's mini-program code: a deterministic greyscale PNG drawn from the scene and page
// (the same input always gives the same bytes), so a card can be drawn and compared in tests. A real backend
// answers WeChat's own image from wxacode.getUnlimited in its place.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (bytes: Uint8Array): number => {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const chunk = (type: string, data: Uint8Array): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

const MODULES = 25

/** Bits of the pattern: the hash of the input, stretched over the grid. */
const patternOf = (scene: string, page: string): boolean[] => {
  const bits: boolean[] = []
  for (let round = 0; bits.length < MODULES * MODULES; round += 1)
    for (const byte of createHash('sha256').update(`${round}|${page}|${scene}`).digest())
      for (let bit = 0; bit < 8; bit += 1) bits.push(((byte >> bit) & 1) === 1)
  return bits
}

/** A finder square in three corners, like a code a camera can frame. */
const isFinder = (row: number, column: number): boolean | null => {
  for (const [top, left] of [
    [0, 0],
    [0, MODULES - 7],
    [MODULES - 7, 0],
  ] as const) {
    const r = row - top
    const c = column - left
    if (r < 0 || r > 6 || c < 0 || c > 6) continue
    const ring = Math.min(r, c, 6 - r, 6 - c)
    return ring !== 1
  }
  return null
}

/** A `width` x `width` PNG (8-bit greyscale) with a quiet zone, dark modules on white. */
export const wxacodePng = (scene: string, page: string, width: number): Uint8Array => {
  const bits = patternOf(scene, page)
  const quiet = 2
  const cell = Math.max(1, Math.floor(width / (MODULES + 2 * quiet)))
  const offset = Math.floor((width - cell * MODULES) / 2)
  const raw = Buffer.alloc((width + 1) * width, 255)
  for (let y = 0; y < width; y += 1) {
    raw[y * (width + 1)] = 0 // filter: none
    const row = Math.floor((y - offset) / cell)
    if (y < offset || row >= MODULES) continue
    for (let x = 0; x < width; x += 1) {
      const column = Math.floor((x - offset) / cell)
      if (x < offset || column >= MODULES) continue
      const dark = isFinder(row, column) ?? bits[row * MODULES + column] ?? false
      if (dark) raw[y * (width + 1) + 1 + x] = 24
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(width, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ])
}
