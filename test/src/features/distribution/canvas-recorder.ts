import { encodeQr } from '@/features/distribution/lib/qr'

export type CanvasCall = { method: string; args: unknown[]; fillStyle: string; font: string }

/**
 * A Canvas 2D context that records what is drawn (jsdom has no canvas): each call with the fill
 * style and font in effect, so a test can read the texts and rebuild the QR modules.
 */
export function createRecordingContext() {
  const calls: CanvasCall[] = []
  const ctx = {
    fillStyle: '#000000' as string,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    measureText: (text: string) => ({ width: Array.from(text).length * 8 }),
  } as Record<string, unknown>
  for (const method of ['fillRect', 'fillText', 'beginPath', 'arc', 'rect', 'fill', 'save', 'restore', 'clip', 'drawImage', 'setTransform']) {
    ctx[method] = (...args: unknown[]) => {
      calls.push({ method, args, fillStyle: String(ctx.fillStyle), font: String(ctx.font) })
    }
  }
  return {
    ctx: ctx as unknown as CanvasRenderingContext2D,
    calls,
    texts: () => calls.filter((call) => call.method === 'fillText').map((call) => String(call.args[0])),
  }
}

/** Dark modules as "row,col" keys, rebuilt from the black squares drawn (module (0,0) is always dark). */
export function drawnQrModules(calls: readonly CanvasCall[]): Set<string> {
  const squares = calls
    .filter((call) => call.method === 'fillRect' && call.fillStyle === '#000000')
    .map((call) => call.args as [number, number, number, number])
  if (squares.length === 0) return new Set()
  const cell = squares[0]![2]
  const left = Math.min(...squares.map(([x]) => x))
  const top = Math.min(...squares.map(([, y]) => y))
  return new Set(squares.map(([x, y]) => `${(y - top) / cell},${(x - left) / cell}`))
}

/** Dark modules of the QR code the app's encoder makes for `text`, in the same "row,col" form. */
export function expectedQrModules(text: string): Set<string> {
  const matrix = encodeQr(text)
  const dark = new Set<string>()
  for (let row = 0; row < matrix.size; row += 1) {
    for (let col = 0; col < matrix.size; col += 1) if (matrix.isDark(row, col)) dark.add(`${row},${col}`)
  }
  return dark
}
