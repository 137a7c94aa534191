// Timings shared by the build's parts in one process (the search index runs
// beside Eleventy and is awaited in its after-build hook), for the line the
// build prints at the end: the index's whole time, and how long the build
// waited for it once the pages were written; and its two steps (record pages, then Pagefind).
// And how many shards the index has, and how many this build indexed (the others came from the cache).
export const buildStats = { searchMs: 0, searchWaitMs: 0, recordsMs: 0, pagefindMs: 0, shards: 0, shardsIndexed: 0 };
