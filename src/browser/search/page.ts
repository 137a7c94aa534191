// The search page (/search/): results as you type, filters, "show more", the query and filters
// kept in the URL.
import { FILTER_KEYS } from "../../search/facets.ts";
import { el } from "../dom.ts";
import { failure, INDEX_RETRY_MS } from "./failure.ts";
import { arrowKeys } from "./keys.ts";
import { loadPagefind } from "./pagefind.ts";
import { quotesFirst } from "./rank.ts";
import { noResults, renderHit } from "./render.ts";
import { loadHit, resultKey, runSearch, type Result, type SearchFilters } from "./results.ts";
import { atLeastText, countText, KEEP_TYPING, newestText, NOTHING_TO_SEARCH } from "./text.ts";
import { loadSimplifier } from "./simplifier.ts";
import { DEBOUNCE_MS, preload } from "./typing.ts";

const PAGE_SIZE = 6;
/** Narrow screens (as search.css): the filters start folded there. */
const NARROW = "(max-width: 40rem)";

/**
 * On the search page the header's box is the page's box too: what is typed there goes into the
 * page's box and searches as you type (without this, it would only search on Enter), and the two
 * show the same query.
 */
function handOver(input: HTMLInputElement, search: () => void): void {
  const header = document.querySelector<HTMLFormElement>("form.site-search");
  const box = header?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!header || !box) return;
  box.value = input.value;
  box.addEventListener("input", () => {
    input.value = box.value;
    preload(box.value);
    search();
  });
  header.addEventListener("submit", (e) => {
    e.preventDefault();
    input.value = box.value;
    search();
  });
  input.addEventListener("input", () => (box.value = input.value));
}

function readFilters(form: HTMLFormElement): SearchFilters {
  const out: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key);
    if (!field) continue;
    const value = "value" in field ? field.value : "";
    if (value) out[key] = value;
  }
  return out;
}

/** The shard of the interview chosen in the filter (its option names it), so that only it is searched. */
function interviewShardOf(form: HTMLFormElement): string | undefined {
  const field = form.elements.namedItem("interview");
  return field instanceof HTMLSelectElement ? field.selectedOptions[0]?.dataset.shard || undefined : undefined;
}

function setField(form: HTMLFormElement, key: string, value: string): void {
  const field = form.elements.namedItem(key);
  if (field instanceof RadioNodeList) {
    for (const r of field) if (r instanceof HTMLInputElement) r.checked = r.value === value;
  } else if (field && "value" in field) {
    field.value = value;
  }
}

/** One search on screen: what is left to show, what was shown, and what older shards are left. */
interface Run {
  seq: number;
  raw: string;
  query: string;
  filters: SearchFilters;
  interviewShard?: string;
  hasFilters: boolean;
  language: "en" | "zh" | "";
  unit: "interview" | "passage";
  total: number;
  pending: Result[];
  /** Results shown or dropped, by key (a search of more shards finds them again). */
  seen: Set<string>;
  shown: number;
  dropped: number;
  /** Transcripts searched, of those the filters leave; shards left to search. */
  searched: number;
  among: number;
  older: number;
}

export function initPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("form.search-form")!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>(".search-status");
  const list = root.querySelector<HTMLOListElement>(".search-results")!;
  const moreBox = root.querySelector<HTMLElement>(".search-more")!;
  const clear = root.querySelector<HTMLButtonElement>(".search-clear");
  root.classList.add("is-ready");

  const params = new URL(location.href).searchParams;
  if (params.has("q")) input.value = params.get("q") || "";
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) setField(form, key, value);
  }

  let seq = 0;
  let completed = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  function syncUrl(q: string, filters: SearchFilters) {
    const url = new URL(location.href);
    url.search = "";
    if (q) url.searchParams.set("q", q);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(null, "", url);
  }

  function statusText(run: Run): string {
    const { raw, shown, pending, total, dropped, language, unit, older, searched, among } = run;
    // Older shards not searched yet: the count is of the newer interviews.
    if (older) return newestText(pending.length || language ? shown : total - dropped, raw, unit, searched, among);
    // Once all are loaded, what was shown is the count (results that matched only through
    // Pagefind's prefix fallback are not shown).
    if (!pending.length) return countText(shown, raw, unit);
    if (!language) return countText(total - dropped, raw, unit);
    // With a language, a result counts only if it matched in that language: known once loaded.
    return atLeastText(shown, raw, unit);
  }

  /** The reader asked for more than the shards searched hold: the next older shard, and its new results. */
  async function searchOlder(run: Run): Promise<boolean> {
    const res = await runSearch(run.raw, run.filters, { more: true, want: run.seen.size + PAGE_SIZE, interviewShard: run.interviewShard });
    if (run.seq !== seq) return false;
    run.pending = res.results.filter((r) => !run.seen.has(resultKey(r)));
    Object.assign(run, { total: run.seen.size + run.pending.length, searched: res.searched, among: res.among, older: res.older });
    return true;
  }

  /** Render the run's next results: at least PAGE_SIZE, or all that are left. */
  async function showMore(run: Run): Promise<boolean> {
    moreBox.replaceChildren();
    let added = 0;
    for (let rounds = 0; added < PAGE_SIZE && run.pending.length && rounds < 5; rounds++) {
      const batch = run.pending.splice(0, PAGE_SIZE);
      for (const r of batch) run.seen.add(resultKey(r));
      const hits = await Promise.all(batch.map((r) => loadHit(r, run.language, run.query).catch(() => null)));
      if (run.seq !== seq) return false;
      run.dropped += hits.filter((h) => !h).length;
      for (const h of quotesFirst(hits, run.query)) {
        list.append(renderHit(h));
        run.shown++;
        added++;
      }
    }
    if (!run.shown && !run.pending.length && !run.older) moreBox.append(noResults(run.raw, run.hasFilters));
    if (run.pending.length || run.older) {
      const left = run.language || !run.pending.length ? "" : ` (${run.pending.length})`;
      const label = run.pending.length ? `显示更多 · Show more${left}` : `搜索更早的访谈 · Search older interviews (${run.among - run.searched})`;
      const btn = el("button", { type: "button", class: "sr-show-more" }, label);
      btn.addEventListener("click", async () => {
        const next = list.children.length;
        root.setAttribute("aria-busy", "true");
        try {
          if (!run.pending.length && !(await searchOlder(run))) return;
          if (!(await showMore(run))) return;
        } finally {
          if (run.seq === seq) root.removeAttribute("aria-busy");
        }
        say(statusText(run));
        const link = list.children[next]?.querySelector<HTMLElement>("a.sr-link");
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
    // For scripts and tests: which query and filters the results on screen answer.
    const answered = () => {
      root.dataset.query = raw;
      root.dataset.filters = new URLSearchParams(filters as Record<string, string>).toString();
      root.dataset.searched = String(++completed);
    };
    const hasFilters = Object.keys(filters).length > 0;
    if (clear) clear.hidden = !hasFilters;
    if (!raw) {
      list.replaceChildren();
      moreBox.replaceChildren();
      say("");
      root.removeAttribute("aria-busy");
      return;
    }
    root.setAttribute("aria-busy", "true");
    try {
      const interviewShard = interviewShardOf(form);
      const res = await runSearch(raw, filters, { want: PAGE_SIZE, interviewShard });
      if (mySeq !== seq) return;
      const state: Run = {
        seq: mySeq, raw, query: res.query, filters, interviewShard, hasFilters, language: res.language, unit: res.unit, total: res.results.length,
        pending: res.results.slice(), seen: new Set(), shown: 0, dropped: 0, searched: res.searched, among: res.among, older: res.older,
      };
      list.replaceChildren();
      if (res.tooShort || res.empty) {
        moreBox.replaceChildren();
        say(res.empty ? NOTHING_TO_SEARCH : KEEP_TYPING);
        answered();
        return;
      }
      if (!(await showMore(state))) return;
      say(statusText(state));
      answered();
    } catch (err) {
      if (mySeq !== seq) return;
      const { text, retry } = failure(err);
      say(text);
      if (retry) schedule(INDEX_RETRY_MS);
    } finally {
      if (mySeq === seq) root.removeAttribute("aria-busy");
    }
  }

  function schedule(delay: number) {
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
      for (const key of FILTER_KEYS) setField(form, key, "");
      schedule(0);
      input.focus();
    });
  }
  arrowKeys(list.parentElement || list, input);
  handOver(input, () => schedule(DEBOUNCE_MS));
  // On a phone the filters start folded, so that the first result is on the first screen.
  const filtersPanel = form.querySelector<HTMLDetailsElement>("details.search-filters");
  if (filtersPanel && window.matchMedia?.(NARROW).matches && !Object.keys(readFilters(form)).length) filtersPanel.open = false;
  if (input.value.trim()) schedule(0);
  else loadPagefind().catch(() => {});
  // The 繁體 → 简体 converter comes with the search code, once the index is loading.
  loadSimplifier().catch(() => {});
}
