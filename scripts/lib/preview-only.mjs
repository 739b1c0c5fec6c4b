// What only development builds may contain: the mock's operator routes and the preview console that calls
// them (src/features/preview). A production build that mentions either would show members an operator
// tool, or let them call it against a real backend. check:h5 and check:weapp look for these in every built file.
export const PREVIEW_ONLY_MARKERS = ['/__mock/', 'fanloop-preview-console']

/** The markers `content` contains. */
export const previewOnlyIn = (content) => PREVIEW_ONLY_MARKERS.filter((marker) => content.includes(marker))
