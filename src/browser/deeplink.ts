// The small search helper on every page (bundled as assets/deeplink.js, about 1 KB; loaded by
// the header partial).
//
// - Header search box: the box is a plain GET form to /search/ (works without JS). On its first
//   focus or keystroke this loads assets/search.css and assets/search.js, which shows results
//   under the box as you type. Nothing of the search (its code, Pagefind, the index) loads on a
//   page until the box is used. Key "/" focuses the box.
// - Landing from a search result (…/t/<slug>/#p-N): the row is highlighted by `.row:target`
//   (site.css) and scrolled into view by the browser; this also marks the words that matched,
//   inside that row, when the search page left them (hit-memory.ts).
//
// The site base (path prefix) comes from this file's own URL: <base>assets/deeplink.js.
import { takeHit } from "./hit-memory.ts";
import { markPattern, splitMarks } from "./landing.ts";

const BASE = new URL("../", import.meta.url);

function bootHeaderSearch(): void {
  const form = document.querySelector<HTMLFormElement>("form.site-search");
  if (!form || document.querySelector("[data-search-page]")) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  let loading: Promise<void> | null = null;
  const load = () => {
    if (loading) return loading;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("assets/search.css", BASE).href;
    document.head.append(css);
    loading = (import(/* @vite-ignore */ new URL("assets/search.js", BASE).href) as Promise<typeof import("./search.ts")>).then((m) => m.attachHeader(form));
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

/** Wrap the words that matched in <mark class="search-mark"> inside the landed row. */
function markLanding(): void {
  const saved = takeHit();
  if (!saved || !location.hash || new URL(saved.href, location.href).href !== location.href) return;
  let row: HTMLElement | null = null;
  try {
    row = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return;
  }
  const re = row && markPattern(saved.words || []);
  if (!row || !re) return;
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const parts = splitMarks(node.nodeValue || "", re);
    if (!parts) continue;
    const frag = document.createDocumentFragment();
    for (const p of parts) {
      if (!p.mark) frag.append(p.text);
      else {
        const mark = document.createElement("mark");
        mark.className = "search-mark";
        mark.textContent = p.text;
        frag.append(mark);
      }
    }
    node.replaceWith(frag);
  }
}

bootHeaderSearch();
markLanding();
