// Bundled as assets/search-script.js: the 繁體 → 简体 converter, loaded by the search code only for
// a query with a Chinese character (src/browser/search/results.ts).
export { openccSimplifier } from "../search/opencc.ts";
