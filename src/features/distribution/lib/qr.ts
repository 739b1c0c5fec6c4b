import qrcode from 'qrcode-generator'

/** A QR code as a square of modules; `isDark(row, col)` says which are drawn. */
export type QrMatrix = { size: number; isDark: (row: number, col: number) => boolean }

/** Modules of white around the code: the QR spec asks for 4 so scanners find the finder patterns. */
export const QR_QUIET_MODULES = 4

/**
 * Encodes a link as a QR code (byte mode, error correction M, smallest version that fits).
 * Only ASCII is accepted: qrcode-generator writes each UTF-16 unit as one byte, so anything else
 * would scan as garbage. Referral links are ASCII by construction (codes are [A-Za-z0-9]).
 */
export function encodeQr(text: string): QrMatrix {
  if (!/^[\x20-\x7e]+$/.test(text)) throw new Error(`QR payload must be printable ASCII: ${JSON.stringify(text)}`)
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  return { size: qr.getModuleCount(), isDark: (row, col) => qr.isDark(row, col) }
}

type QrContext = Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect'>

/**
 * Draws the code with its quiet zone inside a `boxSize` square at (x, y), whole CSS pixels per
 * module so the modules stay crisp (no seams between them) at any device pixel ratio.
 * Answers the module size used.
 */
export function drawQr(ctx: QrContext, matrix: QrMatrix, x: number, y: number, boxSize: number): number {
  const modules = matrix.size + QR_QUIET_MODULES * 2
  const cell = Math.max(1, Math.floor(boxSize / modules))
  const drawn = cell * modules
  const left = x + Math.floor((boxSize - drawn) / 2) + QR_QUIET_MODULES * cell
  const top = y + Math.floor((boxSize - drawn) / 2) + QR_QUIET_MODULES * cell
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x, y, boxSize, boxSize)
  ctx.fillStyle = '#000000'
  for (let row = 0; row < matrix.size; row += 1) {
    for (let col = 0; col < matrix.size; col += 1) {
      if (matrix.isDark(row, col)) ctx.fillRect(left + col * cell, top + row * cell, cell, cell)
    }
  }
  return cell
}
