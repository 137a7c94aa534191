/* The small search helper on every page (about 1 KB; loaded by the header partial).
 *
 * - Header search box: the box is a plain GET form to /search/ (works without JS). On its
 *   first focus or keystroke this loads assets/search.css and assets/search.js, which shows
 *   results under the box as you type. Nothing of the search (its code, Pagefind, the index)
 *   loads on a page until the box is used. Key "/" focuses the box.
 * - Landing from a search result (…/t/<slug>/#p-N): the row is highlighted by `.row:target`
 *   (site.css) and scrolled into view by the browser; this also marks the words that matched,
 *   inside that row, when the search page left them in sessionStorage.
 *
 * The site base (path prefix) comes from this file's own URL: <base>assets/deeplink.js. */
const BASE = new URL("../", import.meta.url);
const HIT_KEY = "transcripts.search-hit";

function bootHeaderSearch() {
  const form = document.querySelector("form.site-search");
  if (!form || document.querySelector("[data-search-page]")) return;
  const input = form.querySelector('input[name="q"]');
  if (!input) return;
  let loading = null;
  const load = () => {
    if (loading) return loading;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("assets/search.css", BASE).href;
    document.head.append(css);
    loading = import(new URL("assets/search.js", BASE).href).then((m) => m.attachHeader(form));
    loading.catch(() => {
      loading = null; // the form still submits to /search/
    });
    return loading;
  };
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", load, { once: true });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
  });
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Wrap the words that matched in <mark class="search-mark"> inside the landed row. */
function markLanding() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(HIT_KEY) || "null");
    sessionStorage.removeItem(HIT_KEY);
  } catch {
    return;
  }
  if (!saved || !location.hash || new URL(saved.href, location.href).href !== location.href) return;
  let row = null;
  try {
    row = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return;
  }
  const words = (saved.words || []).filter((w) => typeof w === "string" && w.length > 0).slice(0, 20);
  if (!row || !words.length) return;
  words.sort((a, b) => b.length - a.length);
  // A Latin word is marked only whole ("a" not inside "that"); a Chinese word wherever it is.
  const pattern = (w) => (/\p{Script=Han}/u.test(w) ? escapeRegExp(w) : `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`);
  const re = new RegExp(words.map(pattern).join("|"), "giu");
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  for (const node of nodes) {
    const text = node.nodeValue || "";
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > last) frag.append(text.slice(last, m.index));
      const mark = document.createElement("mark");
      mark.className = "search-mark";
      mark.textContent = m[0];
      frag.append(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.append(text.slice(last));
    node.replaceWith(frag);
  }
}

bootHeaderSearch();
markLanding();
