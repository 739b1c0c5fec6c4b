/** H5: every page captures `?ref=` from the URL itself (PageShell); nothing to do at launch. */
export function useLaunchReferral(): void {}
