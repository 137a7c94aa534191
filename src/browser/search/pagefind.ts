// Pagefind's bundles as the search page uses them: the site's bundle (`<base>pagefind/`), and
// under `npm start` the second bundle of edits named by a manifest (src/search/manifest.ts).
// Each comes with its map of Pagefind page ids → slugs (`transcripts.json`), read once.
import type { BundleMap } from "../../search/bundle-map.ts";
import type { DeltaManifest } from "../../search/manifest.ts";
import { BASE } from "./site.ts";

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  init(): Promise<void>;
  preload(query: string): Promise<void>;
  search(query: string, options: { filters: PagefindFilters }): Promise<{ results: PagefindResult[] } | null>;
}

export type PagefindFilters = Record<string, string | { none: string[] }>;

export interface PagefindResult {
  id: string;
  score: number;
  /** Word positions that matched, in the page's text. */
  words?: number[];
}

/** A loaded bundle. */
export interface Bundle {
  /** Its folder under the site base, e.g. `pagefind/`. */
  folder: string;
  pf: PagefindApi;
  /** Pagefind's page id → the transcript's slug and the word positions of its interview fields. */
  pages: BundleMap["pages"];
  passageSize: number;
}

/** A Pagefind result in a bundle, with the transcript it is. */
export interface BundleHit {
  id: string;
  score: number;
  words: number[];
  slug: string;
  /** Positions below this are the interview's fields (src/search/fields.ts). */
  fields: number;
  bundle: Bundle;
}

/** Pagefind's files could not be loaded (under `npm start`: not made yet). */
export class IndexUnavailable extends Error {}

/** `retry`: the how-manieth attempt after a failed one (a browser keeps a failed module import, so a retry asks for it under another URL). */
async function openBundle(folder: string, retry = 0): Promise<Bundle> {
  const url = (path: string) => new URL(`${folder}${path}`, BASE).href;
  const mapped = fetch(url("transcripts.json")).then((res) => {
    if (!res.ok) throw new Error(`${res.status} ${res.url}`);
    return res.json() as Promise<BundleMap>;
  });
  mapped.catch(() => {}); // reported through the import, or awaited below
  // Pagefind finds its other files from this URL's folder, whatever its query.
  const pf = (await import(/* @vite-ignore */ url(retry ? `pagefind.js?retry=${retry}` : "pagefind.js"))) as PagefindApi;
  await pf.init();
  const map = await mapped;
  return { folder, pf, pages: map.pages || {}, passageSize: map.passageSize };
}

let main: Promise<Bundle> | null = null;
let failed = 0;

/**
 * The site's bundle, loaded once. A failed load (under `npm start`, before the index is made) is
 * tried again next time.
 */
export function loadPagefind(): Promise<Bundle> {
  if (!main) {
    main = openBundle("pagefind/", failed).catch((err: unknown) => {
      failed++;
      main = null;
      throw new IndexUnavailable(err instanceof Error ? err.message : String(err));
    });
  }
  return main;
}

// Under `npm start` only (the page then carries <meta name="search-live">): transcripts edited
// since the server started are indexed alone into a second bundle, and a manifest names it and
// the transcripts whose records in the first bundle are out of date. It is read again before
// each search, so an edit shows without reloading the page.
const LIVE = typeof document !== "undefined" ? document.querySelector<HTMLMetaElement>('meta[name="search-live"]') : null;
export const isLive = () => LIVE !== null;
let live: { folder: string | null; bundle: Promise<Bundle> | null } = { folder: null, bundle: null };

/** The second bundle and the slugs to hide in the first, or null (a published site has none). */
async function liveDelta(): Promise<{ stale: string[]; bundle: Bundle | null } | null> {
  if (!LIVE) return null;
  const res = await fetch(new URL(LIVE.content, BASE), { cache: "no-store" }).catch(() => null);
  if (!res || !res.ok) return null;
  const manifest = (await res.json()) as DeltaManifest;
  if (manifest.bundle !== live.folder) live = { folder: manifest.bundle, bundle: manifest.bundle ? openBundle(manifest.bundle) : null };
  return { stale: manifest.stale || [], bundle: live.bundle ? await live.bundle : null };
}

/** Pagefind's results in one bundle, each with its slug and bundle (a page the map lacks is not shown). */
async function searchBundle(bundle: Bundle, q: string, filters: PagefindFilters): Promise<BundleHit[]> {
  const answer = await bundle.pf.search(q, { filters });
  const out: BundleHit[] = [];
  for (const r of answer?.results ?? []) {
    const page = bundle.pages[r.id];
    if (page) out.push({ id: r.id, score: r.score, words: r.words || [], slug: page[0], fields: page[1], bundle });
  }
  return out;
}

/** Search the site's bundle, and under `npm start` the second one, as one list by score. */
export async function searchBundles(base: Bundle, q: string, filters: Record<string, string>): Promise<BundleHit[]> {
  const delta = await liveDelta();
  if (!delta || (!delta.stale.length && !delta.bundle)) return searchBundle(base, q, filters);
  // The first bundle's pages of changed transcripts are out of date: hide them.
  const asked = filters.interview;
  const searches: Promise<BundleHit[]>[] = [];
  const hide: PagefindFilters = !asked && delta.stale.length ? { interview: { none: delta.stale } } : {};
  if (!asked || !delta.stale.includes(asked)) searches.push(searchBundle(base, q, { ...filters, ...hide }));
  if (delta.bundle) searches.push(searchBundle(delta.bundle, q, filters));
  return (await Promise.all(searches)).flat().sort((a, b) => b.score - a.score);
}
