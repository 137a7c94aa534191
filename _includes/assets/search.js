/* Search across every interview, in English and in Chinese, from one box.
 *
 * Loaded as a module on the search page (/search/), and on other pages only when the header
 * search box is first used (assets/deeplink.js imports it then). Pagefind itself (pagefind.js,
 * its worker, wasm and index) loads on the first query, from `<site base>pagefind/`.
 *
 * The index holds one page per transcript, its aligned pairs in both languages (see
 * src/search-records.ts): tokens separated by spaces, "␞" opening a pair and "␟" between its
 * English and its Chinese; Chinese tokens are ICU words ("␠" is a space that was in the text).
 * A result is a transcript and the word positions that matched (result.words). Pagefind's
 * fragment of it would be the whole transcript, so this file reads the bundle's own
 * `transcripts.json` (page id → slug) once, and for a result only the passage that holds its
 * best matches (`passages/<slug>/<N>.json.gz`, positions N × size onwards). From it, it finds the
 * pair and side of each match, highlights the matched tokens, shows the translation beside them
 * and links to the pair (/t/<slug>/#p-N).
 *
 * No inline styles or scripts (CSP); all text goes in as text nodes. */

const PAIR_MARK = "\u241E";
const SIDE_MARK = "\u241F";
const SPACE_MARK = "\u2420";
const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const FILTER_KEYS = ["interview", "speaker", "tag", "year", "language"];
const PAGE_SIZE = 6;
const HEADER_SIZE = 5;
const DEBOUNCE_MS = 120;

/** The site root (works under a path prefix): this file is <base>assets/search.js. */
export const BASE = new URL("../", import.meta.url);
const HIT_KEY = "transcripts.search-hit";

// ------------------------------------------------------------------------------------------
// Pagefind

let pagefindPromise = null;
let searchQueue = Promise.resolve(null);

/** One bundle (its files under <base><folder>): Pagefind's search API and the page id → slug map. */
async function openBundle(folder) {
  const url = (path) => new URL(`${folder}${path}`, BASE).href;
  const mapped = fetch(url("transcripts.json")).then((res) => {
    if (!res.ok) throw new Error(`${res.status} ${res.url}`);
    return res.json();
  });
  const pf = await import(url("pagefind.js"));
  await pf.init();
  const map = await mapped;
  return { folder, pf, slugs: map.pages || {}, passageSize: map.passageSize };
}

/** Pagefind's files could not be loaded (under `npm start`: not made yet). */
class IndexUnavailable extends Error {}

/** The search bundle, loaded once (its files are under <base>pagefind/). */
export function loadPagefind() {
  if (!pagefindPromise) {
    pagefindPromise = openBundle("pagefind/").catch((err) => {
      pagefindPromise = null;
      throw new IndexUnavailable(err && err.message ? err.message : String(err));
    });
  }
  return pagefindPromise;
}

// Under `npm start` only (the page then carries <meta name="search-live">): transcripts edited
// since the server started are indexed alone into a second bundle, and a manifest names it and
// the transcripts whose records in the first bundle are out of date (scripts/search-job.ts).
// It is read again before each search, so an edit shows without reloading the page.
const LIVE = typeof document !== "undefined" ? document.querySelector('meta[name="search-live"]') : null;
let liveBundle = { folder: null, bundle: null };

// `npm start` serves the pages before the index is made (a minute or two for a large archive):
// until it is there, the search says so and tries again.
const INDEX_RETRY_MS = 2000;
const INDEX_BUILDING = "搜索索引正在生成，完成后自动搜索 · The search index is being built; the search runs as soon as it is ready.";

/** What to say when a search failed; under `npm start` a missing index is not a failure but a wait. */
function failure(err) {
  if (LIVE && err instanceof IndexUnavailable) return { text: INDEX_BUILDING, retry: true };
  return { text: `搜索出错 · Search failed: ${err && err.message ? err.message : err}`, retry: false };
}

/** The second bundle and the slugs to hide in the first, or null (a published site has none). */
async function liveDelta() {
  if (!LIVE) return null;
  const res = await fetch(new URL(LIVE.content, BASE), { cache: "no-store" }).catch(() => null);
  if (!res || !res.ok) return null;
  const manifest = await res.json();
  if (manifest.bundle !== liveBundle.folder) liveBundle = { folder: manifest.bundle, bundle: manifest.bundle ? openBundle(manifest.bundle) : null };
  return { stale: manifest.stale || [], bundle: liveBundle.bundle ? await liveBundle.bundle : null };
}

/** Pagefind's results in one bundle, each with its slug and bundle (a page the map lacks is not shown). */
async function searchBundle(bundle, q, filters) {
  const answer = await bundle.pf.search(q, { filters });
  const out = [];
  for (const r of (answer && answer.results) || []) {
    const slug = bundle.slugs[r.id];
    if (slug) out.push({ id: r.id, score: r.score, words: r.words || [], slug, bundle });
  }
  return out;
}

/** Search the first bundle, and under `npm start` the second, as one list by score. */
async function searchBundles(base, q, filters) {
  const delta = await liveDelta();
  if (!delta || (!delta.stale.length && !delta.bundle)) return searchBundle(base, q, filters);
  // The first bundle's pages of changed transcripts are out of date: hide them.
  const asked = filters.interview;
  const searches = [];
  const hide = !asked && delta.stale.length ? { interview: { none: delta.stale } } : {};
  if (!asked || !delta.stale.includes(asked)) searches.push(searchBundle(base, q, { ...filters, ...hide }));
  if (delta.bundle) searches.push(searchBundle(delta.bundle, q, filters));
  return (await Promise.all(searches)).flat().sort((a, b) => b.score - a.score);
}

/**
 * Fetch the index chunks for a query being typed, before the debounce ends. Not for one or two
 * Latin letters: the chunks for every word starting with "h" are most of the index.
 */
export function preload(raw) {
  const q = prepareQuery(raw);
  const last = q.split(" ").pop() || "";
  if (!last || (!HAS_HAN.test(last) && last.length < 3)) return;
  loadPagefind()
    .then((bundle) => bundle.pf.preload(q))
    .catch(() => {});
}

/** The query as the index was built: Han runs split into words with the same ICU segmenter. */
export function prepareQuery(raw) {
  const q = String(raw || "").replace(/[\u241E-\u2420]/g, " ").trim();
  if (!q || typeof Intl === "undefined" || !Intl.Segmenter) return q;
  const seg = new Intl.Segmenter("zh", { granularity: "word" });
  return q
    .replace(HAN_RUN, (run) => " " + [...seg.segment(run)].map((s) => s.segment.trim()).filter(Boolean).join(" ") + " ")
    .replace(/\s+/g, " ")
    .trim();
}

// ------------------------------------------------------------------------------------------
// Reading a passage

/** Passage content + its pair ids (+ the word position of its first token) → pairs with the word positions of their tokens. */
export function parsePassage(content, pairIds, start = 0) {
  const ids = String(pairIds || "").split(" ").filter(Boolean);
  const tokens = String(content || "").split(" ");
  const pairs = [];
  let cur = null;
  let side = "en";
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const pos = start + i;
    if (tok === PAIR_MARK) {
      cur = { id: ids[pairs.length] || "", en: [], zh: [] };
      pairs.push(cur);
      side = "en";
    } else if (tok === SIDE_MARK) {
      side = "zh";
    } else if (cur) {
      cur[side].push({ pos, tok });
    }
  }
  return pairs;
}

const norm = (tok) => tok.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** The words of a prepared query, as tokens are compared with them. */
const queryTerms = (query) => String(query || "").split(" ").map(norm).filter(Boolean);

function commonPrefix(a, b) {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * Which query terms a matched token stands for: 2 for the same word, 1 for a prefix or stem.
 * When no indexed word starts with a query word, Pagefind falls back to the longest prefix of
 * it that is indexed ("weishaupt" matches "we", "monstrous" matches "Mo's"): such a token shares
 * only a short start with the word typed and stands for none. A stem shares most of it (English
 * suffixes stripped by the stemmer are at most 7 letters: "generalization", "general"); a Chinese
 * word of two characters is a word.
 */
export function termMatches(tok, terms) {
  const t = norm(tok);
  const out = new Map();
  terms.forEach((term, i) => {
    if (t === term) out.set(i, 2);
    // Pagefind matches a word of one or two letters as a prefix of every longer one ("a" finds
    // "and", "ai" finds "aim"): such a word stands only for itself, or with an "s" ("AI's").
    else if (!HAS_HAN.test(term) && term.length < 3) {
      if (t === `${term}s`) out.set(i, 1);
    } else if (t.startsWith(term)) out.set(i, 1);
    else {
      const length = [...term].length;
      const needed = HAS_HAN.test(term) ? Math.min(length, 2) : Math.min(length, Math.max(3, length - 7));
      if (commonPrefix(t, term) >= needed) out.set(i, 1);
    }
  });
  return out;
}

/**
 * The pairs of a passage that hold matches (in the allowed languages), best first: the longest
 * run of query words in query order (the quote itself), then how many query words appear as
 * they were typed, then how many appear at all, then how many matches.
 */
export function rankPairs(pairs, positions, language, query) {
  const hit = new Set(positions);
  const terms = queryTerms(query);
  const out = [];
  for (const p of pairs) {
    let count = 0;
    let phrase = 0;
    const exact = new Set();
    const found = new Set();
    const sides = [];
    for (const side of ["en", "zh"]) {
      if (language && language !== side) continue;
      let n = 0;
      let prev = new Map(); // term index → run length ending at the previous token
      for (const t of p[side]) {
        if (t.tok === SPACE_MARK) continue;
        if (!hit.has(t.pos)) {
          prev = new Map();
          continue;
        }
        const m = termMatches(t.tok, terms);
        // Pagefind's fallback to a short prefix of a word that is not in the index: not a match.
        if (!m.size) {
          prev = new Map();
          continue;
        }
        n++;
        const runs = new Map();
        for (const [i, kind] of m) {
          found.add(i);
          if (kind === 2) exact.add(i);
          const run = (prev.get(i - 1) || 0) + 1;
          runs.set(i, run);
          phrase = Math.max(phrase, run);
        }
        prev = runs;
      }
      if (n) sides.push(side);
      count += n;
    }
    if (count) out.push({ pair: p, count, phrase, exact: exact.size, distinct: found.size, sides });
  }
  out.sort((a, b) => b.phrase - a.phrase || b.exact - a.exact || b.distinct - a.distinct || b.count - a.count);
  return out;
}

/** The text of one side as DOM nodes, matched tokens in <mark>; `window` limits it to an excerpt. */
function sideNodes(tokens, side, hit, window) {
  const frag = document.createDocumentFragment();
  if (!tokens.length) return frag;
  let start = 0;
  let end = tokens.length;
  if (window && tokens.length > window) {
    // The window around the longest run of matched words (the quote typed), else the one
    // holding the most matches; it starts a little before them.
    const idx = [];
    tokens.forEach((t, i) => hit.has(t.pos) && idx.push(i));
    const at = (i) => Math.max(0, Math.min(i - Math.floor(window / 5), tokens.length - window));
    let run = 0;
    let longest = 0;
    let runStart = 0;
    idx.forEach((i, k) => {
      run = k && idx[k - 1] === i - 1 ? run + 1 : 1;
      if (run > longest) {
        longest = run;
        runStart = i - run + 1;
      }
    });
    let best = at(runStart);
    if (longest < 2) {
      let bestCount = -1;
      for (const i of idx.length ? idx : [0]) {
        const c = idx.filter((j) => j >= at(i) && j < at(i) + window).length;
        if (c > bestCount) {
          best = at(i);
          bestCount = c;
        }
      }
    }
    start = best;
    end = Math.min(tokens.length, best + window);
  }
  // Runs of text and of matched words; a run of matched words (and what lies between them)
  // becomes one <mark>, without the punctuation at its ends ("laws," → <mark>laws</mark>,).
  const sep = side === "en" ? " " : "";
  const parts = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    const word = t.tok === SPACE_MARK ? " " : t.tok;
    const matched = hit.has(t.pos);
    const prev = parts[parts.length - 1];
    const glue = i > start ? sep : "";
    if (matched) {
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word);
      const [lead, core, tail] = m ? [m[1], m[2], m[3]] : ["", word, ""];
      if (prev && prev.mark && !prev.tail && !lead) prev.text += glue + core;
      else parts.push({ mark: false, text: glue + lead }, { mark: true, text: core });
      parts[parts.length - 1].tail = tail;
      if (tail) parts.push({ mark: false, text: tail });
    } else if (prev && !prev.mark) {
      prev.text += glue + word;
    } else {
      parts.push({ mark: false, text: glue + word });
    }
  }
  if (start > 0) frag.append("… ");
  for (const p of parts) {
    if (!p.text) continue;
    if (p.mark) {
      const mark = document.createElement("mark");
      mark.textContent = p.text;
      frag.append(mark);
    } else {
      frag.append(p.text);
    }
  }
  if (end < tokens.length) frag.append(" …");
  return frag;
}

function langOf(text) {
  return HAS_HAN.test(text || "") ? "zh-CN" : "en";
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null && c !== false) node.append(c);
  return node;
}

/** Absolute URL of a site path (`/t/x/#p-3`) under the site base. */
export function siteUrl(path) {
  return new URL(String(path).replace(/^\/+/, ""), BASE).href;
}

// ------------------------------------------------------------------------------------------
// Searching

/**
 * The passages of a transcript that hold matches, best first: the longest run of matched words
 * at consecutive positions (a quote typed in order), then the most matches, then page order.
 * Each is `{ n, words }`: passage N holds positions N × size to (N + 1) × size - 1.
 */
export function passageOrder(words, size) {
  const byPassage = new Map();
  for (const w of [...new Set(words)].sort((a, b) => a - b)) {
    const n = Math.floor(w / size);
    if (!byPassage.has(n)) byPassage.set(n, []);
    byPassage.get(n).push(w);
  }
  const out = [];
  for (const [n, list] of byPassage) {
    let run = 1;
    let best = 1;
    for (let i = 1; i < list.length; i++) {
      run = list[i] === list[i - 1] + 1 ? run + 1 : 1;
      best = Math.max(best, run);
    }
    out.push({ n, words: list, run: best });
  }
  return out.sort((a, b) => b.run - a.run || b.words.length - a.words.length || a.n - b.n);
}

/**
 * Run a query. A hit is a transcript (its best passages are tried in order when it is shown);
 * with an interview chosen, every passage of that interview that holds matches is a hit of its
 * own, so all its places can be read in turn. `filters` are Pagefind filters ({ interview,
 * speaker, tag, year, language }).
 */
export async function runSearch(query, filters) {
  const base = await loadPagefind();
  const q = prepareQuery(query);
  if (!q) return { query: q, results: [], total: 0, language: "" };
  // One Latin letter matches a large part of the index: wait for a second one.
  if (!HAS_HAN.test(q) && q.replace(/[^\p{L}\p{N}]/gu, "").length < 2) return { query: q, results: [], total: 0, language: "", tooShort: true };
  const pfFilters = {};
  for (const key of FILTER_KEYS) if (filters && filters[key]) pfFilters[key] = filters[key];
  // One search at a time: a newer query waits for the one in flight (whose answer is then dropped).
  const found = await (searchQueue = searchQueue.catch(() => null).then(() => searchBundles(base, q, pfFilters)));
  const perPassage = Boolean(pfFilters.interview);
  const results = [];
  // Pages that matched only through their meta have no matched words: not hits.
  for (const r of found.filter((x) => x.words.length)) {
    const order = passageOrder(r.words, r.bundle.passageSize);
    if (perPassage) for (const p of order) results.push({ ...r, passages: [p], words: p.words });
    else results.push({ ...r, passages: order });
  }
  return { query: q, results, total: results.length, language: (filters && filters.language) || "", unit: perPassage ? "passage" : "interview" };
}

async function readPassage(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${res.url}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
}

// Passages read in this page, newest last: a repeated or refined query reads none again.
const passageCache = new Map();
const PASSAGE_CACHE = 200;

/** Passage N of a hit's transcript: gzip'd JSON (inflated here, unless a server already did). */
function fetchPassage(hit, n) {
  const url = new URL(`${hit.bundle.folder}passages/${hit.slug}/${n}.json.gz`, BASE).href;
  let passage = passageCache.get(url);
  if (passage) passageCache.delete(url);
  else passage = readPassage(url);
  passageCache.set(url, passage);
  passage.catch(() => passageCache.delete(url));
  if (passageCache.size > PASSAGE_CACHE) passageCache.delete(passageCache.keys().next().value);
  return passage;
}

/** The matched positions of a passage whose token stands for a query word (what is marked). */
function standsFor(pairs, positions, query) {
  const hit = new Set(positions);
  const terms = queryTerms(query);
  const out = new Set();
  for (const p of pairs) for (const side of ["en", "zh"]) for (const t of p[side]) if (hit.has(t.pos) && termMatches(t.tok, terms).size) out.add(t.pos);
  return out;
}

const better = (a, b) => a.phrase - b.phrase || a.exact - b.exact || a.distinct - b.distinct || a.count - b.count;

/**
 * Load and shape one hit: its best pair, and the other matching pairs of that passage. The
 * passages are read in `passageOrder`, at most three: the first with a pair that really matches
 * (in the chosen language), then, for a query of three words or more, only those that may hold
 * the whole query in order, when that one does not (positions alone cannot tell "a green card"
 * from "are at a"; two adjacent matches are too common to be worth a second passage).
 */
export async function loadHit(hit, language, query) {
  const n = queryTerms(query).length;
  let best = null;
  let read = 0;
  for (const p of hit.passages) {
    if (read === 3) break;
    if (best && (n < 3 || best.ranked[0].phrase >= n || p.run < n)) break;
    read++;
    const passage = await fetchPassage(hit, p.n);
    const pairs = parsePassage(passage.content, passage.pairs, passage.start);
    const ranked = rankPairs(pairs, hit.words, language, query);
    if (!ranked.length || (best && better(ranked[0], best.ranked[0]) <= 0)) continue;
    const meta = { title: passage.title, page: passage.page, date: passage.date, who: passage.who };
    best = { meta, ranked, hit: standsFor(pairs, hit.words, query), score: hit.score, slug: hit.slug, places: hit.passages.length };
  }
  return best;
}

function pairLink(meta, pairId) {
  return siteUrl(`${meta.page || "/"}#${pairId}`);
}

/** Remember the words to mark on the page the reader lands on (assets/deeplink.js reads it). */
function rememberHit(href, words) {
  try {
    sessionStorage.setItem(HIT_KEY, JSON.stringify({ href, words: [...new Set(words)].slice(0, 20) }));
  } catch {
    /* storage off: no marks, the pair is still highlighted by :target */
  }
}

function matchedWords(pair, hit) {
  const out = [];
  for (const side of ["en", "zh"]) for (const t of pair[side]) if (hit.has(t.pos)) out.push(t.tok.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  return out.filter(Boolean);
}

/**
 * Within a batch of loaded results, those whose best pair holds the whole query in order (the
 * quote that was typed) come first; otherwise Pagefind's order stands.
 */
export function quotesFirst(hits, query) {
  const n = queryTerms(query).length;
  const whole = (h) => (h && n > 1 && h.ranked[0].phrase >= n ? 1 : 0);
  return hits.filter(Boolean).map((h, i) => ({ h, i })).sort((a, b) => whole(b.h) - whole(a.h) || a.i - b.i).map((x) => x.h);
}

/** A result card: interview, date, speaker; the matched pair, both languages; link to #p-N. */
function renderHit(h, { compact } = {}) {
  const { meta, ranked, hit } = h;
  const best = ranked[0];
  const pair = best.pair;
  const href = pairLink(meta, pair.id);
  const words = matchedWords(pair, hit);
  const title = meta.title || meta.page;
  const num = pair.id.replace(/^p-/, "");
  const link = el("a", { class: "sr-link", href, "data-pair": pair.id }, el("span", { class: "sr-title", lang: langOf(title) }, title), " ", el("span", { class: "sr-para" }, `¶ ${num}`));
  link.addEventListener("click", () => rememberHit(href, words));

  const info = el("p", { class: "sr-meta" });
  if (meta.date) info.append(el("time", { datetime: meta.date }, meta.date));
  if (meta.who) info.append(el("span", { lang: langOf(meta.who) }, meta.who));

  const sides = el("div", { class: "sr-pair" });
  for (const side of ["en", "zh"]) {
    const tokens = pair[side];
    if (!tokens.length) continue;
    const matched = best.sides.includes(side);
    const window = compact ? (side === "en" ? 24 : 48) : side === "en" ? 60 : 120;
    const p = el("p", { class: `sr-side sr-${side}${matched ? " sr-matched" : ""}`, lang: side === "en" ? "en" : "zh-CN" });
    p.append(sideNodes(tokens, side, matched ? hit : new Set(), window));
    sides.append(p);
  }

  const item = el("li", { class: "sr-item" }, el("article", { class: "sr-card" }, el("h2", { class: "sr-head" }, link), info, sides));
  if (!compact && ranked.length > 1) {
    const more = el("p", { class: "sr-more" }, el("span", {}, "同段其他匹配 "), el("span", { lang: "en" }, "Also here: "));
    for (const r of ranked.slice(1, 6)) {
      const a = el("a", { href: pairLink(meta, r.pair.id), "data-pair": r.pair.id }, `¶ ${r.pair.id.replace(/^p-/, "")}`);
      a.addEventListener("click", () => rememberHit(a.href, matchedWords(r.pair, hit)));
      more.append(a, " ");
    }
    item.firstChild.append(more);
  }
  if (!compact && h.places > 1) {
    // The other passages of this interview that match: the same search with the interview chosen.
    const url = new URL(location.href);
    url.searchParams.set("interview", h.slug);
    item.firstChild.append(el("p", { class: "sr-every" }, el("a", { href: url.href }, "此访谈中的全部匹配 · ", el("span", { lang: "en" }, "Every match in this interview →"))));
  }
  return item;
}

function noResults(query, hasFilters) {
  const box = el("div", { class: "sr-empty" });
  box.append(
    el("p", {}, "没有找到与 “", el("b", { lang: langOf(query) }, query), "” 相关的段落。"),
    el("p", { lang: "en" }, "No passage matches “", el("b", { lang: langOf(query) }, query), "”."),
    el(
      "ul",
      {},
      el("li", {}, "检查拼写，或换一个更短的词。", el("span", { lang: "en" }, " Check the spelling or try fewer words.")),
      el("li", {}, "换一种语言试试：英文原文与中文译文都可搜索。", el("span", { lang: "en" }, " Try the other language: both the English and the Chinese are searchable.")),
      hasFilters ? el("li", {}, "清除筛选条件。", el("span", { lang: "en" }, " Clear the filters.")) : false,
    ),
  );
  return box;
}

function say(node, text) {
  if (node) node.textContent = text;
}

function countText(n, query, unit = "interview") {
  if (n === 0) return `没有结果 · No results for “${query}”`;
  if (unit === "passage") return `${n} 个段落 · ${n} passage${n === 1 ? "" : "s"} for “${query}”`;
  return `${n} 篇访谈 · ${n} interview${n === 1 ? "" : "s"} for “${query}”`;
}

/** Arrow keys move between result links (and back to the box); Escape returns to the box. */
function arrowKeys(container, input, onEscape) {
  container.addEventListener("keydown", (e) => {
    const links = [...container.querySelectorAll("a.sr-link, .sr-all a, button.sr-show-more")];
    const i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i >= 0) {
      e.preventDefault();
      (links[i + 1] || links[i]).focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : links[i - 1]).focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      input.focus();
      if (onEscape) onEscape();
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = container.querySelector("a.sr-link");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && onEscape) {
      onEscape();
    }
  });
}

// ------------------------------------------------------------------------------------------
// The search page

function readFilters(form) {
  const out = {};
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key);
    if (!field) continue;
    const value = "value" in field ? field.value : "";
    if (value) out[key] = value;
  }
  return out;
}

function initPage(root) {
  const form = root.querySelector("form.search-form");
  const input = form.querySelector('input[name="q"]');
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const moreBox = root.querySelector(".search-more");
  const clear = root.querySelector(".search-clear");
  root.classList.add("is-ready");

  const params = new URL(location.href).searchParams;
  if (params.has("q")) input.value = params.get("q") || "";
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key);
    const value = params.get(key);
    if (!field || !value) continue;
    if (field instanceof RadioNodeList) {
      for (const r of field) r.checked = r.value === value;
    } else if ("value" in field) {
      field.value = value;
    }
  }

  let seq = 0;
  let completed = 0;
  let timer = 0;

  function syncUrl(q, filters) {
    const url = new URL(location.href);
    url.search = "";
    if (q) url.searchParams.set("q", q);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(null, "", url);
  }

  function statusText(run) {
    const { raw, shown, pending, total, dropped, language, unit } = run;
    // Once all are loaded, what was shown is the count (results that matched only through
    // Pagefind's prefix fallback are not shown).
    if (!pending.length) return countText(shown, raw, unit);
    if (!language) return countText(total - dropped, raw, unit);
    // With a language, a result counts only if it matched in that language: known once loaded.
    return unit === "passage" ? `至少 ${shown} 个段落 · At least ${shown} passages for “${raw}”` : `至少 ${shown} 篇访谈 · At least ${shown} interviews for “${raw}”`;
  }

  /** Render the run's next results: at least PAGE_SIZE hits, or all that are left. */
  async function showMore(run) {
    moreBox.replaceChildren();
    let added = 0;
    for (let rounds = 0; added < PAGE_SIZE && run.pending.length && rounds < 5; rounds++) {
      const batch = run.pending.splice(0, PAGE_SIZE);
      const hits = await Promise.all(batch.map((r) => loadHit(r, run.language, run.query).catch(() => null)));
      if (run.seq !== seq) return false;
      run.dropped += hits.filter((h) => !h).length;
      for (const h of quotesFirst(hits, run.query)) {
        list.append(renderHit(h));
        run.shown++;
        added++;
      }
    }
    if (!run.shown && !run.pending.length) moreBox.append(noResults(run.raw, run.hasFilters));
    if (run.pending.length) {
      const left = run.language ? "" : ` (${run.pending.length})`;
      const btn = el("button", { type: "button", class: "sr-show-more" }, `显示更多 · Show more${left}`);
      btn.addEventListener("click", async () => {
        const next = list.children.length;
        if (!(await showMore(run))) return;
        say(status, statusText(run));
        const link = list.children[next] && list.children[next].querySelector("a.sr-link");
        if (link) link.focus();
        else input.focus();
      });
      moreBox.append(btn);
    }
    return true;
  }

  async function run() {
    const mySeq = ++seq;
    const raw = input.value.trim();
    const filters = readFilters(form);
    syncUrl(raw, filters);
    const hasFilters = Object.keys(filters).length > 0;
    if (clear) clear.hidden = !hasFilters;
    if (!raw) {
      list.replaceChildren();
      moreBox.replaceChildren();
      say(status, "");
      root.removeAttribute("aria-busy");
      return;
    }
    root.setAttribute("aria-busy", "true");
    try {
      const res = await runSearch(raw, filters);
      if (mySeq !== seq) return;
      const state = { seq: mySeq, raw, query: res.query, hasFilters, language: res.language, unit: res.unit, total: res.total, pending: res.results.slice(), shown: 0, dropped: 0 };
      list.replaceChildren();
      if (res.tooShort) {
        moreBox.replaceChildren();
        say(status, "请再输入一些 · Keep typing…");
        return;
      }
      if (!(await showMore(state))) return;
      say(status, statusText(state));
      // For scripts and tests: which query and filters the results on screen answer.
      root.dataset.query = raw;
      root.dataset.filters = new URLSearchParams(filters).toString();
      root.dataset.searched = String(++completed);
    } catch (err) {
      if (mySeq !== seq) return;
      const { text, retry } = failure(err);
      say(status, text);
      if (retry) schedule(INDEX_RETRY_MS);
    } finally {
      if (mySeq === seq) root.removeAttribute("aria-busy");
    }
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    schedule(0);
  });
  input.addEventListener("input", () => {
    preload(input.value);
    schedule(DEBOUNCE_MS);
  });
  form.addEventListener("change", (e) => {
    if (e.target !== input) schedule(0);
  });
  if (clear) {
    clear.addEventListener("click", () => {
      for (const key of FILTER_KEYS) {
        const field = form.elements.namedItem(key);
        if (field instanceof RadioNodeList) for (const r of field) r.checked = r.value === "";
        else if (field && "value" in field) field.value = "";
      }
      schedule(0);
      input.focus();
    });
  }
  arrowKeys(list.parentElement || list, input);
  if (input.value.trim()) schedule(0);
  else loadPagefind().catch(() => {});
}

// ------------------------------------------------------------------------------------------
// The header box (every other page): results in a panel under the box as you type

export function attachHeader(form) {
  if (!form || form.dataset.searchReady) return;
  form.dataset.searchReady = "1";
  const input = form.querySelector('input[name="q"]');
  const panel = el("div", { class: "site-search-panel", id: "site-search-panel", hidden: true });
  const status = el("p", { class: "search-status", role: "status", "aria-live": "polite" });
  const list = el("ol", { class: "search-results sr-compact" });
  const all = el("p", { class: "sr-all" });
  panel.append(status, list, all);
  form.append(panel);
  // A panel of links under the box (not a listbox): aria-controls ties them, the status inside
  // the panel announces the count; ↓ moves into the links, Escape back to the box.
  input.setAttribute("aria-controls", panel.id);

  let seq = 0;
  let timer = 0;
  const open = (yes) => {
    if (yes) panel.style.setProperty("--sr-top", `${Math.round(input.getBoundingClientRect().bottom + 6)}px`);
    panel.hidden = !yes;
  };

  async function run() {
    const mySeq = ++seq;
    const raw = input.value.trim();
    if (!raw) {
      open(false);
      list.replaceChildren();
      return;
    }
    try {
      const res = await runSearch(raw, {});
      if (mySeq !== seq) return;
      if (res.tooShort) {
        open(false);
        return;
      }
      const hits = await Promise.all(res.results.slice(0, HEADER_SIZE).map((r) => loadHit(r, "", res.query).catch(() => null)));
      if (mySeq !== seq) return;
      const shown = quotesFirst(hits, res.query);
      list.replaceChildren(...shown.map((h) => renderHit(h, { compact: true })));
      const more = new URL("search/", BASE);
      more.searchParams.set("q", raw);
      // None of the first results really matched (Pagefind's prefix fallback): the query has none.
      const total = shown.length ? res.total - hits.filter((h) => !h).length : 0;
      all.replaceChildren(total ? el("a", { href: more.href }, `全部 ${total} 个结果 · All results →`) : noResults(raw, false));
      say(status, countText(total, raw));
      open(true);
    } catch (err) {
      if (mySeq !== seq) return;
      const { text, retry } = failure(err);
      say(status, text);
      open(true);
      if (retry) {
        clearTimeout(timer);
        timer = setTimeout(run, INDEX_RETRY_MS);
      }
    }
  }

  input.addEventListener("input", () => {
    preload(input.value);
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && list.children.length) open(true);
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget)) open(false);
  });
  arrowKeys(panel, input, () => open(false));
  loadPagefind().catch(() => {});
  if (input.value.trim()) run();
}

// ------------------------------------------------------------------------------------------

const pageRoot = document.querySelector("[data-search-page]");
if (pageRoot) initPage(pageRoot);
