// The search index as the search page uses it. It is cut into shards (src/search/shards.ts),
// each a Pagefind bundle under `<base>pagefind/<shard>/`, listed newest first in
// `pagefind/shards.json`. One Pagefind instance is loaded, from the newest shard (its wasm once),
// and older shards are merged into it (Pagefind's mergeIndex) only as a search needs them: when
// the shards searched so far give fewer results than the reader asks for, or a filter points at
// them. Under `npm start`, the second bundle of edits named by a manifest
// (src/search/manifest.ts) is a separate instance. Each bundle comes with its map of Pagefind
// page ids → slugs and field positions (`transcripts.json`), read when the bundle is.
import type { BundleMap } from "../../search/bundle-map.ts";
import type { ShardsManifest } from "../../search/job.ts";
import type { DeltaManifest } from "../../search/manifest.ts";
import { BASE } from "./site.ts";

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
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

/** Where a Pagefind page's transcript and passages are. */
interface PageInfo {
  slug: string;
  /** Positions below this are the interview's fields (src/search/fields.ts). */
  fields: number;
  /** The bundle's folder under the site base, e.g. `pagefind/y2025/`. */
  folder: string;
}

/** A Pagefind result with the transcript it is. */
export interface BundleHit extends PageInfo {
  score: number;
  words: number[];
  passageSize: number;
}

export type ShardInfo = ShardsManifest["shards"][number];

/** The site's index: one Pagefind instance over the shards merged so far. */
export interface SearchIndex {
  pf: PagefindApi | null;
  passageSize: number;
  /** Newest first. */
  shards: ShardInfo[];
  /** Ids of the shards merged into `pf` (the newest is its primary bundle). */
  merged: Set<string>;
  pages: Map<string, PageInfo>;
}

/** Pagefind's files could not be loaded (under `npm start`: not made yet). */
export class IndexUnavailable extends Error {}

const href = (path: string) => new URL(path, BASE).href;

async function readJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(href(path), init);
  if (!res.ok) throw new Error(`${res.status} ${res.url}`);
  return res.json() as Promise<T>;
}

/** A bundle's map, into `pages`; returns the map. */
async function readMap(folder: string, pages: Map<string, PageInfo>): Promise<BundleMap> {
  const map = await readJson<BundleMap>(`${folder}transcripts.json`);
  for (const [id, [slug, fields]] of Object.entries(map.pages || {})) pages.set(id, { slug, fields, folder });
  return map;
}

/** `retry`: the how-manieth attempt after a failed one (a browser keeps a failed module import, so a retry asks for it under another URL). */
async function importPagefind(folder: string, retry: number): Promise<PagefindApi> {
  // Pagefind finds its other files from this URL's folder, whatever its query.
  const pf = (await import(/* @vite-ignore */ href(`${folder}pagefind.js${retry ? `?retry=${retry}` : ""}`))) as PagefindApi;
  await pf.init();
  return pf;
}

async function openIndex(retry: number): Promise<SearchIndex> {
  const manifest = await readJson<ShardsManifest>("pagefind/shards.json", retry ? { cache: "no-store" } : undefined);
  const index: SearchIndex = { pf: null, passageSize: manifest.passageSize, shards: manifest.shards, merged: new Set(), pages: new Map() };
  const newest = manifest.shards[0];
  if (!newest) return index;
  const folder = `pagefind/${newest.id}/`;
  [index.pf] = await Promise.all([importPagefind(folder, retry), readMap(folder, index.pages)]);
  index.merged.add(newest.id);
  return index;
}

let main: Promise<SearchIndex> | null = null;
let failed = 0;

/**
 * The site's index, loaded once (its newest shard). A failed load (under `npm start`, before the
 * index is made) is tried again next time.
 */
export function loadPagefind(): Promise<SearchIndex> {
  if (!main) {
    main = openIndex(failed).catch((err: unknown) => {
      failed++;
      main = null;
      throw new IndexUnavailable(err instanceof Error ? err.message : String(err));
    });
  }
  return main;
}

const merging = new Map<string, Promise<void>>();

/** Merges a shard into the index (once): its Pagefind files and its map. */
export function mergeShard(index: SearchIndex, id: string): Promise<void> {
  if (index.merged.has(id) || !index.pf) return Promise.resolve();
  let done = merging.get(id);
  if (!done) {
    const folder = `pagefind/${id}/`;
    done = Promise.all([index.pf.mergeIndex(new URL(href(folder)).pathname), readMap(folder, index.pages)]).then(() => {
      index.merged.add(id);
    });
    done.catch(() => merging.delete(id));
    merging.set(id, done);
  }
  return done;
}

/** The shards a search with these filters may find anything in, newest first. */
export function candidateShards(shards: readonly ShardInfo[], filters: Readonly<Record<string, string>>, interviewShard?: string): ShardInfo[] {
  if (filters.interview && interviewShard) return shards.filter((s) => s.id === interviewShard);
  const year = filters.year;
  // Undated transcripts have no year.
  if (year) return shards.filter((s) => s.from && s.from.slice(0, 4) <= year && (s.to ?? s.from).slice(0, 4) >= year);
  return [...shards];
}

// Under `npm start` only (the page then carries <meta name="search-live">): transcripts edited
// since the server started are indexed alone into a second bundle, and a manifest names it and
// the transcripts whose records in the shards are out of date. It is read again before each
// search, so an edit shows without reloading the page.
const LIVE = typeof document !== "undefined" ? document.querySelector<HTMLMetaElement>('meta[name="search-live"]') : null;
export const isLive = () => LIVE !== null;
interface Delta {
  pf: PagefindApi;
  pages: Map<string, PageInfo>;
  passageSize: number;
}
let live: { folder: string | null; bundle: Promise<Delta> | null } = { folder: null, bundle: null };

async function openDelta(folder: string): Promise<Delta> {
  const pages = new Map<string, PageInfo>();
  const [pf, map] = await Promise.all([importPagefind(folder, 0), readMap(folder, pages)]);
  return { pf, pages, passageSize: map.passageSize };
}

/** The second bundle and the slugs to hide in the shards, or null (a published site has none). */
async function liveDelta(): Promise<{ stale: string[]; bundle: Delta | null } | null> {
  if (!LIVE) return null;
  const res = await fetch(href(LIVE.content), { cache: "no-store" }).catch(() => null);
  if (!res || !res.ok) return null;
  const manifest = (await res.json()) as DeltaManifest;
  if (manifest.bundle !== live.folder) live = { folder: manifest.bundle, bundle: manifest.bundle ? openDelta(manifest.bundle) : null };
  return { stale: manifest.stale || [], bundle: live.bundle ? await live.bundle : null };
}

/** Pagefind's results in one instance, each with its transcript (a page no map names is not shown). */
async function searchIn(pf: PagefindApi, pages: Map<string, PageInfo>, passageSize: number, q: string, filters: PagefindFilters): Promise<BundleHit[]> {
  const answer = await pf.search(q, { filters });
  const out: BundleHit[] = [];
  for (const r of answer?.results ?? []) {
    const page = pages.get(r.id);
    if (page) out.push({ ...page, score: r.score, words: r.words || [], passageSize });
  }
  return out;
}

/** Search the merged shards, and under `npm start` the second bundle, as one list by score. */
export async function searchBundles(index: SearchIndex, q: string, filters: Record<string, string>): Promise<BundleHit[]> {
  const delta = await liveDelta();
  const inShards = (extra: PagefindFilters) => (index.pf ? searchIn(index.pf, index.pages, index.passageSize, q, { ...filters, ...extra }) : Promise.resolve([]));
  if (!delta || (!delta.stale.length && !delta.bundle)) return inShards({});
  // The shards' pages of changed transcripts are out of date: hide them.
  const asked = filters.interview;
  const searches: Promise<BundleHit[]>[] = [];
  const hide: PagefindFilters = !asked && delta.stale.length ? { interview: { none: delta.stale } } : {};
  if (!asked || !delta.stale.includes(asked)) searches.push(inShards(hide));
  if (delta.bundle) searches.push(searchIn(delta.bundle.pf, delta.bundle.pages, delta.bundle.passageSize, q, filters));
  return (await Promise.all(searches)).flat().sort((a, b) => b.score - a.score);
}
