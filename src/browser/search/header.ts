// The header box on every page but the search page: results in a panel under the box as you type.
import { el } from "../dom.ts";
import { failure, INDEX_RETRY_MS } from "./failure.ts";
import { arrowKeys } from "./keys.ts";
import { loadPagefind } from "./pagefind.ts";
import { loadSimplifier } from "./simplifier.ts";
import { DEBOUNCE_MS, preload } from "./typing.ts";
import { quotesFirst } from "./rank.ts";
import { noResults, renderHit } from "./render.ts";
import { loadHit, runSearch } from "./results.ts";
import { BASE } from "./site.ts";
import { countText, newestText, NOTHING_TO_SEARCH } from "./text.ts";

const HEADER_SIZE = 5;

export function attachHeader(form: HTMLFormElement | null): void {
  if (!form || form.dataset.searchReady) return;
  form.dataset.searchReady = "1";
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = (yes: boolean) => {
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
      const res = await runSearch(raw, {}, { want: HEADER_SIZE });
      if (mySeq !== seq) return;
      if (res.tooShort) {
        open(false);
        return;
      }
      if (res.empty) {
        list.replaceChildren();
        all.replaceChildren();
        status.textContent = NOTHING_TO_SEARCH;
        open(true);
        return;
      }
      const hits = await Promise.all(res.results.slice(0, HEADER_SIZE).map((r) => loadHit(r, "", res.query).catch(() => null)));
      if (mySeq !== seq) return;
      const shown = quotesFirst(hits, res.query);
      list.replaceChildren(...shown.map((h) => renderHit(h, { compact: true })));
      const more = new URL("search/", BASE);
      more.searchParams.set("q", raw);
      // None of the first results really matched (Pagefind's prefix fallback): the query has none.
      const total = shown.length ? res.results.length - hits.filter((h) => !h).length : 0;
      // Older shards not searched yet: the search page searches them on request.
      const link = res.older ? "更多结果 · More results →" : `全部 ${total} 个结果 · All results →`;
      all.replaceChildren(total || res.older ? el("a", { href: more.href }, link) : noResults(raw, false));
      status.textContent = res.older ? newestText(total, raw, "interview", res.searched, res.among) : countText(total, raw);
      open(true);
    } catch (err) {
      if (mySeq !== seq) return;
      const { text, retry } = failure(err);
      status.textContent = text;
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
    if (!form.contains(e.relatedTarget as Node | null)) open(false);
  });
  arrowKeys(panel, input, () => open(false));
  loadPagefind().catch(() => {});
  loadSimplifier().catch(() => {});
  if (input.value.trim()) run();
}
