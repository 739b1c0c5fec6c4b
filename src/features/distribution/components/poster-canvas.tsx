type PosterCanvasProps = { id: string; width: number; height: number; label: string }

/** H5: a plain <canvas> (lib/poster-surface.ts explains why not Taro's); the poster is its image. */
export function PosterCanvas({ id, width, height, label }: PosterCanvasProps) {
  return (
    <canvas
      id={id}
      className='referral-card__canvas'
      role='img'
      aria-label={label}
      style={{ width: `${width}px`, height: `${height}px` }}
    />
  )
}
