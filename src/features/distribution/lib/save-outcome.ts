/** What became of "save the poster", for the card to say in plain words. */
export type SaveOutcome =
  /** weapp: in the photo album. */
  | { kind: 'saved' }
  /** H5: handed to the system share sheet (Web Share API with the file). */
  | { kind: 'shared' }
  /** H5: downloaded as a PNG file. */
  | { kind: 'downloaded' }
  /** H5 inside WeChat, which blocks downloads: the image is shown for a long-press save. */
  | { kind: 'long-press'; imageUrl: string }
  /** The member closed the share sheet or the album dialog. */
  | { kind: 'cancelled' }
  /** weapp: the album permission was refused (now or earlier): explain and offer the settings. */
  | { kind: 'denied' }
  | { kind: 'failed'; message: string }

export const POSTER_FILE_NAME = 'fanloop-invite.png'
