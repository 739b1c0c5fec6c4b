#!/usr/bin/env node
// Draws the tab-bar icons and the H5 favicon as PNGs, with no dependencies: each glyph is a signed
// distance field on a 24-unit grid (like common icon sets), sampled 4x4 per pixel for smooth
// edges, and written as RGBA PNG with node:zlib and a hand-rolled CRC32.
//
// Usage: node scripts/make-tab-icons.mjs   (rewrites src/assets/tab-bar/*.png and src/assets/favicon.png)
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// Colours from src/app.config.ts (tabBar.color / tabBar.selectedColor).
const NORMAL = '#6e6a66'
const ACTIVE = '#c93a26'
const WHITE = '#ffffff'

const ICON_PX = 81 // WeChat's recommended tab icon size
const GLYPH_PX = 60 // the 24-unit grid maps onto this box, centred: ~10 px padding on each side
const SUPERSAMPLE = 4

// ---------------------------------------------------------------------------------------------
// Signed distance shapes (negative inside), in grid units. Shapes are functions (x, y) => d.

const length = (x, y) => Math.hypot(x, y)
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v))

const circle = (cx, cy, r) => (x, y) => length(x - cx, y - cy) - r

const ellipse = (cx, cy, rx, ry) => (x, y) => {
  // Cheap, good-enough distance near the boundary (gradient-normalised implicit).
  const px = (x - cx) / rx
  const py = (y - cy) / ry
  const k = length(px, py)
  const g = length(px / rx, py / ry)
  return g === 0 ? -Math.min(rx, ry) : (k * (k - 1)) / g
}

// Axis-aligned box from (x0, y0) to (x1, y1); radii [topLeft, topRight, bottomRight, bottomLeft].
const roundRect = (x0, y0, x1, y1, radii = 0) => {
  const [tl, tr, br, bl] = Array.isArray(radii) ? radii : [radii, radii, radii, radii]
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hw = (x1 - x0) / 2
  const hh = (y1 - y0) / 2
  return (x, y) => {
    const px = x - cx
    const py = y - cy
    const r = px < 0 ? (py < 0 ? tl : bl) : py < 0 ? tr : br
    const qx = Math.abs(px) - hw + r
    const qy = Math.abs(py) - hh + r
    return Math.min(Math.max(qx, qy), 0) + length(Math.max(qx, 0), Math.max(qy, 0)) - r
  }
}

// Exact polygon distance (Inigo Quilez); `round` grows it outwards with rounded corners, so pass
// vertices already inset by that amount.
const polygon =
  (points, round = 0) =>
  (x, y) => {
    let d = Infinity
    let s = 1
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [ax, ay] = points[i]
      const [bx, by] = points[j]
      const ex = bx - ax
      const ey = by - ay
      const wx = x - ax
      const wy = y - ay
      const t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1)
      d = Math.min(d, length(wx - ex * t, wy - ey * t))
      const c1 = y >= ay
      const c2 = y < by
      const c3 = ex * wy > ey * wx
      if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s
    }
    return s * d - round
  }

// A stroke of width w along the segment a-b, with round caps.
const capsule = (ax, ay, bx, by, w) => (x, y) => {
  const ex = bx - ax
  const ey = by - ay
  const t = clamp(((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey), 0, 1)
  return length(x - ax - ex * t, y - ay - ey * t) - w / 2
}

// Intersection of two shapes with the corners where they meet rounded by r (both shapes are
// grown back by r, so pass them inset by r).
const roundIntersect = (r, a, b) => (x, y) => {
  const da = a(x, y)
  const db = b(x, y)
  return Math.min(Math.max(da, db), 0) + length(Math.max(da, 0), Math.max(db, 0)) - r
}

const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((f) => f(x, y)))
const subtract =
  (shape, ...cuts) =>
  (x, y) =>
    Math.max(shape(x, y), ...cuts.map((f) => -f(x, y)))
const ring = (shape, width) => (x, y) => Math.abs(shape(x, y)) - width / 2

// ---------------------------------------------------------------------------------------------
// The glyphs: filled, rounded, on the 24-unit grid. Cut-outs (door, dots, ribbon gaps) are 1.6-2
// units wide so they survive being shown at ~24 CSS px.

const GAP = 1.6

const glyphs = {
  // A house: pitched roof and walls as one rounded pentagon, an arched door cut out of the bottom.
  home: subtract(
    polygon(
      [
        [12, 3.6],
        [20.2, 10.6],
        [20.2, 19.8],
        [3.8, 19.8],
        [3.8, 10.6],
      ],
      1.6,
    ),
    roundRect(9.6, 13.8, 14.4, 24, [2.4, 2.4, 0, 0]),
  ),

  // A speech bubble with a tail at the lower left and three dots.
  community: subtract(
    union(
      roundRect(2.2, 3.4, 21.8, 18.2, 4.6),
      polygon(
        [
          [5.6, 15.5],
          [11, 15.5],
          [5.4, 21.2],
        ],
        0.6,
      ),
    ),
    circle(7.6, 10.8, 1.45),
    circle(12, 10.8, 1.45),
    circle(16.4, 10.8, 1.45),
  ),

  // A gift box: lid and box with a gap between them, a ribbon gap down the middle, and a bow of
  // two loops, tilted outwards, sitting on the lid.
  mall: union(
    subtract(
      union(roundRect(2.4, 8.6, 21.6, 12.8, 1.3), roundRect(3.8, 12.8 + GAP, 20.2, 21.4, [0, 0, 2, 2])),
      roundRect(12 - GAP / 2, 0, 12 + GAP / 2, 24, 0),
    ),
    subtract(
      union(capsule(11.4, 7.2, 7.6, 5.0, 4.4), capsule(12.6, 7.2, 16.4, 5.0, 4.4)),
      capsule(7.8, 5.3, 9.3, 6.1, 1.5),
      capsule(16.2, 5.3, 14.7, 6.1, 1.5),
      roundRect(12 - GAP / 2, 0, 12 + GAP / 2, 24, 0),
      (x, y) => 8.6 - GAP - y,
    ),
  ),

  // A person: head and a dome of shoulders with softened lower corners.
  me: union(
    circle(12, 7.3, 4.6),
    roundIntersect(1.6, ellipse(12, 22.2, 7, 7.1), (x, y) => y - (21.2 - 1.6)),
  ),
}

// ---------------------------------------------------------------------------------------------
// Rasterising: coverage per pixel from SUPERSAMPLE x SUPERSAMPLE samples, each antialiased over
// its own sub-pixel footprint from the distance value (so edges get more than 16 levels).

function coverage(shape, size, unitsToPx, originPx) {
  const out = new Float64Array(size * size)
  const step = 1 / SUPERSAMPLE
  const subPxInUnits = step / unitsToPx
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let sum = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const ux = (px + (sx + 0.5) * step - originPx) / unitsToPx
          const uy = (py + (sy + 0.5) * step - originPx) / unitsToPx
          const d = shape(ux, uy) / subPxInUnits // distance in sub-pixels
          sum += clamp(0.5 - d, 0, 1)
        }
      }
      out[py * size + px] = sum / (SUPERSAMPLE * SUPERSAMPLE)
    }
  }
  return out
}

const hex = (colour) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))

// One colour, alpha from coverage. Fully transparent pixels keep the colour's RGB, so a scaler that
// ignores alpha never pulls a dark fringe into the edges (and the rows compress better).
function tint(cov, colour) {
  const [r, g, b] = hex(colour)
  const rgba = Buffer.alloc(cov.length * 4)
  cov.forEach((a, i) => {
    rgba[i * 4] = r
    rgba[i * 4 + 1] = g
    rgba[i * 4 + 2] = b
    rgba[i * 4 + 3] = Math.round(a * 255)
  })
  return rgba
}

// ---------------------------------------------------------------------------------------------
// PNG encoding.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n += 1) {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(buffers) {
  let c = 0xffffffff
  for (const buf of buffers) for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32([head.subarray(4), data]), 0)
  return Buffer.concat([head, data, crc])
}

const paeth = (a, b, c) => {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

// Each row gets the filter with the smallest sum of absolute residuals (the usual heuristic).
function filterRows(rgba, width, height) {
  const stride = width * 4
  const out = Buffer.alloc((stride + 1) * height)
  const zero = Buffer.alloc(stride)
  for (let y = 0; y < height; y += 1) {
    const row = rgba.subarray(y * stride, (y + 1) * stride)
    const up = y ? rgba.subarray((y - 1) * stride, y * stride) : zero
    let best = null
    for (let type = 0; type < 5; type += 1) {
      const line = Buffer.alloc(stride + 1)
      line[0] = type
      let score = 0
      for (let i = 0; i < stride; i += 1) {
        const a = i >= 4 ? row[i - 4] : 0
        const b = up[i]
        const c = i >= 4 ? up[i - 4] : 0
        const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]
        const v = (row[i] - predictor) & 0xff
        line[i + 1] = v
        score += v < 128 ? v : 256 - v
      }
      if (!best || score < best.score) best = { line, score }
    }
    best.line.copy(out, y * (stride + 1))
  }
  return out
}

function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type: RGBA
  ihdr[10] = 0 // deflate
  ihdr[11] = 0 // adaptive filtering
  ihdr[12] = 0 // no interlace
  const idat = zlib.deflateSync(filterRows(rgba, width, height), { level: 9, memLevel: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---------------------------------------------------------------------------------------------
// Favicon: a rounded square in the brand colour with a white ring (the "loop").

function favicon(size) {
  const unitsToPx = size / 24
  const square = roundRect(0.5, 0.5, 23.5, 23.5, 5.4)
  const loop = ring(circle(12, 12, 5.6), 2.8)
  const bg = coverage(square, size, unitsToPx, 0)
  const fg = coverage(loop, size, unitsToPx, 0)
  const brand = hex(ACTIVE)
  const white = hex(WHITE)
  const rgba = Buffer.alloc(size * size * 4)
  for (let i = 0; i < size * size; i += 1) {
    for (let ch = 0; ch < 3; ch += 1) rgba[i * 4 + ch] = Math.round(brand[ch] + (white[ch] - brand[ch]) * fg[i])
    rgba[i * 4 + 3] = Math.round(bg[i] * 255)
  }
  return encodePng(rgba, size, size)
}

function main() {
  const outDir = path.join(repoRoot, 'src/assets/tab-bar')
  fs.mkdirSync(outDir, { recursive: true })
  const unitsToPx = GLYPH_PX / 24
  const originPx = (ICON_PX - GLYPH_PX) / 2
  const written = []
  for (const [name, shape] of Object.entries(glyphs)) {
    const cov = coverage(shape, ICON_PX, unitsToPx, originPx)
    for (const [suffix, colour] of [
      ['', NORMAL],
      ['-active', ACTIVE],
    ]) {
      const file = path.join(outDir, `${name}${suffix}.png`)
      fs.writeFileSync(file, encodePng(tint(cov, colour), ICON_PX, ICON_PX))
      written.push(file)
    }
  }
  const faviconFile = path.join(repoRoot, 'src/assets/favicon.png')
  fs.writeFileSync(faviconFile, favicon(64))
  written.push(faviconFile)
  for (const file of written)
    console.log(`${String(fs.statSync(file).size).padStart(6)} B  ${path.relative(repoRoot, file)}`)
}

main()
