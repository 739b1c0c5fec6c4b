/** H5 has no single-page mode (see the weapp version). */
export function SinglePageBanner() {
  return null
}
