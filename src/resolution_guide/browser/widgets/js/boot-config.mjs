// Replaced by resolution_guide.browser.assets.install when the build made a memory snapshot.
export const SNAPSHOT_FILE = null;
