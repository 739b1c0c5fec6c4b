// A small QR decoder for the e2e journeys, written from the QR specification (ISO/IEC 18004), not
// from the app's encoder: a picture the app exports must read back as the link a friend's camera
// would open. It reads upright, unrotated codes whose modules were already sampled from the image
// (what a poster export is); it does not correct errors, so any wrong module fails the read.
// No QR reader is installed in node_modules (jsqr would be the usual choice; see the report).

/** Error-correction blocks per version for level M: [count, total codewords, data codewords]. */
const M_BLOCKS: Record<number, Array<[number, number, number]>> = {
  1: [[1, 26, 16]],
  2: [[1, 44, 28]],
  3: [[1, 70, 44]],
  4: [[2, 50, 32]],
  5: [[2, 67, 43]],
  6: [[4, 43, 27]],
  7: [[4, 49, 31]],
  8: [
    [2, 60, 38],
    [2, 61, 39],
  ],
  9: [
    [3, 58, 36],
    [2, 59, 37],
  ],
  10: [
    [4, 69, 43],
    [1, 70, 44],
  ],
}

const ALIGNMENT_CENTRES: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
}

const FORMAT_MASK = 0b101010000010010
/** Format bits' error-correction level field: 00 = M, 01 = L, 10 = H, 11 = Q. */
const LEVELS = ['M', 'L', 'H', 'Q'] as const

const MASKS: Array<(row: number, col: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
]

/** Modules that hold no data: finders with separators and format areas, timing, alignment, version info. */
function reservedModules(size: number, version: number): boolean[][] {
  const reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const mark = (top: number, left: number, height: number, width: number) => {
    for (let r = top; r < top + height; r += 1) for (let c = left; c < left + width; c += 1) reserved[r]![c] = true
  }
  mark(0, 0, 9, 9)
  mark(0, size - 8, 9, 8)
  mark(size - 8, 0, 8, 9)
  mark(6, 0, 1, size)
  mark(0, 6, size, 1)
  const centres = ALIGNMENT_CENTRES[version] ?? []
  for (const r of centres) {
    for (const c of centres) {
      const onFinder = (r < 9 && c < 9) || (r < 9 && c > size - 9) || (r > size - 9 && c < 9)
      if (!onFinder) mark(r - 2, c - 2, 5, 5)
    }
  }
  if (version >= 7) {
    mark(0, size - 11, 6, 3)
    mark(size - 11, 0, 3, 6)
  }
  return reserved
}

/** Decodes a byte-mode QR code at level M from its modules (true = dark), row by row. */
export function decodeQr(modules: boolean[][]): string {
  const size = modules.length
  const version = (size - 17) / 4
  if (!Number.isInteger(version) || version < 1) throw new Error(`${size} modules is not a QR code size`)
  const blocks = M_BLOCKS[version]
  if (!blocks) throw new Error(`version ${version} is beyond this reader`)
  const dark = (r: number, c: number) => modules[r]![c] === true

  // Format information, the copy down column 8 (bits 0-5 rows 0-5, 6-7 rows 7-8, 8-14 the bottom rows).
  let format = 0
  for (let i = 0; i < 15; i += 1) {
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i
    if (dark(row, 8)) format |= 1 << i
  }
  format ^= FORMAT_MASK
  const level = LEVELS[format >> 13]
  if (level !== 'M') throw new Error(`error-correction level ${level ?? '?'}: this reader knows M`)
  const mask = MASKS[(format >> 10) & 0b111]!

  // Data modules in the zigzag order: column pairs from the right, up then down, skipping column 6.
  const reserved = reservedModules(size, version)
  const bits: number[] = []
  let upward = true
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right -= 1
    for (let step = 0; step < size; step += 1) {
      const row = upward ? size - 1 - step : step
      for (const col of [right, right - 1]) {
        if (!reserved[row]![col]) bits.push(Number(dark(row, col) !== mask(row, col)))
      }
    }
    upward = !upward
  }
  const codewords: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0))

  // De-interleave the data codewords: one from each block in turn.
  const dataBlocks = blocks.flatMap(([count, , data]) => Array.from({ length: count }, () => ({ data, words: [] as number[] })))
  const longest = Math.max(...dataBlocks.map((block) => block.data))
  let next = 0
  for (let i = 0; i < longest; i += 1) {
    for (const block of dataBlocks) if (i < block.data) block.words.push(codewords[next++]!)
  }
  const data = dataBlocks.flatMap((block) => block.words)

  // Byte mode: indicator 0100, an 8-bit (versions 1-9) or 16-bit count, then the bytes.
  const stream = data.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1))
  let at = 0
  const read = (count: number) => {
    let value = 0
    for (let i = 0; i < count; i += 1) value = (value << 1) | stream[at++]!
    return value
  }
  const mode = read(4)
  if (mode !== 0b0100) throw new Error(`mode ${mode.toString(2)}: this reader knows byte mode`)
  const length = read(version < 10 ? 8 : 16)
  return String.fromCharCode(...Array.from({ length }, () => read(8)))
}
