// Timings shared by the build's parts in one process (the search index runs
// inside Eleventy's after-build hook), for the line the build prints at the end.
export const buildStats = { searchMs: 0 };
