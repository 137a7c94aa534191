// Search across every interview, in English and in Chinese, from one box: bundled as
// assets/search.js. Loaded as a module on the search page (/search/), and on other pages only
// when the header search box is first used (deeplink.ts imports it then). Pagefind itself
// (pagefind.js, its worker, wasm and index) loads on the first query, from `<site base>pagefind/`.
//
// The index holds one page per transcript (src/search/records.ts); a result is a transcript and
// the word positions that matched. The page reads the bundle's `transcripts.json` once, and for
// a result only the passage that holds its best matches (src/search/passages.ts); from it, it
// finds the pair and side of each match, marks the matched words, shows the translation beside
// them and links to the pair (/t/<slug>/#p-N). The modules under search/: query (the query as
// indexed, which words stand for it), rank (pairs and results in order), excerpt (what of a
// side is shown), pagefind (the bundles), results (query → results → shown pairs), render
// (DOM), page and header (the two boxes).
import { initPage } from "./search/page.ts";

export { attachHeader } from "./search/header.ts";

const pageRoot = document.querySelector<HTMLElement>("[data-search-page]");
if (pageRoot) initPage(pageRoot);
