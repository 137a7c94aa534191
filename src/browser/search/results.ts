// A query → results: Pagefind's answer as interviews (or, with an interview chosen, as its
// passages), and for a result shown, the passage(s) read and the pair that shows it.
import { FILTER_KEYS } from "../../search/facets.ts";
import type { SideLanguage } from "../../search/marks.ts";
import { parsePassage, passageFile, passageOrder, type Passage, type PassageMatches, type PassagePair } from "../../search/passages.ts";
import { candidateShards, loadPagefind, mergeShard, searchBundles, type BundleHit } from "./pagefind.ts";
import { isFieldId } from "../../search/field-ids.ts";
import { isEmptyQuery, isTooShort, prepareQuery, queryTerms } from "./query.ts";
import { simplifierFor } from "./simplifier.ts";
import { better, rankPairs, standsFor, type RankedPair } from "./rank.ts";
import { BASE } from "./site.ts";

/** The filters of the search page: interview, speaker, tag, year, language. */
export type SearchFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** One result before it is shown: a transcript and its passages that hold matches, best first. */
export interface Result extends BundleHit {
  passages: PassageMatches[];
}

export interface SearchRun {
  /** The query as the index was built (prepareQuery). */
  query: string;
  results: Result[];
  language: SideLanguage | "";
  /** With an interview chosen, each matching passage of it is a result. */
  unit: "interview" | "passage";
  /** One Latin letter: wait for more. */
  tooShort?: boolean;
  /** No letter, digit or Chinese character: nothing to search for. */
  empty?: boolean;
  /** Transcripts in the shards searched, and in all the shards the filters leave: older ones are searched on request. */
  searched: number;
  among: number;
  /** Shards the filters leave that are not searched yet (older ones). */
  older: number;
}

export interface SearchOptions {
  /** Search older shards until at least this many results are found, or none are left (default 1). */
  want?: number;
  /** Search at least one more shard than before (the reader asked for more). */
  more?: boolean;
  /** The shard of the interview chosen (from the filter's option), so only it is searched. */
  interviewShard?: string;
}

/** A result's key: its transcript, and with an interview chosen, its passage. */
export const resultKey = (r: Result) => `${r.folder}${r.slug}#${r.passages.length === 1 ? r.passages[0]!.n : ""}`;

let queue: Promise<unknown> = Promise.resolve(null);

/**
 * Run a query. A result is a transcript (its best passages are tried in order when it is
 * shown); with an interview chosen, every passage of that interview that holds matches is a
 * result of its own, so all its places can be read in turn. The shards are searched newest
 * first: older ones are merged while fewer than `want` results are found.
 */
export async function runSearch(raw: string, filters: SearchFilters, options: SearchOptions = {}): Promise<SearchRun> {
  const [index] = await Promise.all([loadPagefind(), simplifierFor(raw)]);
  const q = prepareQuery(raw);
  const language = (filters.language as SideLanguage | undefined) || "";
  const perPassage = Boolean(filters.interview);
  const unit = perPassage ? "passage" : "interview";
  const none = { query: q, results: [], language: "" as const, unit, searched: 0, among: 0, older: 0 } satisfies SearchRun;
  if (isEmptyQuery(q)) return { ...none, empty: true };
  if (isTooShort(q)) return { ...none, tooShort: true };
  const pfFilters: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (filters[key]) pfFilters[key] = filters[key]!;
  const candidates = candidateShards(index.shards, pfFilters, options.interviewShard);
  const left = () => candidates.filter((s) => !index.merged.has(s.id));
  const toResults = (found: BundleHit[]) => {
    const results: Result[] = [];
    // Pages that matched only through their meta have no matched words: not results.
    for (const r of found.filter((x) => x.words.length)) {
      const order = passageOrder(r.words, r.passageSize, r.fields);
      if (perPassage) for (const p of order) results.push({ ...r, passages: [p], words: p.words });
      else results.push({ ...r, passages: order });
    }
    return results;
  };
  // One search at a time: a newer query waits for the one in flight (whose answer is then dropped).
  const search = queue.catch(() => null).then(async () => {
    if (left().length && (options.more || left().length === candidates.length)) await mergeShard(index, left()[0]!.id);
    let results = toResults(await searchBundles(index, q, pfFilters));
    while (results.length < (options.want ?? 1) && left().length) {
      await mergeShard(index, left()[0]!.id);
      results = toResults(await searchBundles(index, q, pfFilters));
    }
    return results;
  });
  queue = search;
  const results = await search;
  const count = (list: typeof candidates) => list.reduce((n, s) => n + s.transcripts, 0);
  return { query: q, results, language, unit, searched: count(candidates.filter((s) => index.merged.has(s.id))), among: count(candidates), older: left().length };
}

async function readPassage(url: string): Promise<Passage> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${res.url}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as Passage;
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json() as Promise<Passage>;
}

// Passages read in this page, newest last: a repeated or refined query reads none again.
const passageCache = new Map<string, Promise<Passage>>();
const PASSAGE_CACHE = 200;

/** Passage N of a result's transcript: gzip'd JSON (inflated here, unless a server already did). */
function fetchPassage(hit: BundleHit, n: number): Promise<Passage> {
  const url = new URL(`${hit.folder}passages/${hit.slug}/${passageFile(n)}`, BASE).href;
  let passage = passageCache.get(url);
  if (passage) passageCache.delete(url);
  else passage = readPassage(url);
  passageCache.set(url, passage);
  passage.catch(() => passageCache.delete(url));
  if (passageCache.size > PASSAGE_CACHE) passageCache.delete(passageCache.keys().next().value!);
  return passage;
}

/** Is a ranked pair one of the interview's fields (title, people, summary…: src/search/fields.ts)? */
export const isField = (r: RankedPair) => isFieldId(r.pair.id);

/**
 * The ranked pairs of a passage in the order a result shows them: the transcript's own pairs
 * first (a paragraph says more than a field), then the interview's fields.
 */
function pairsFirst(ranked: RankedPair[]): RankedPair[] {
  return [...ranked.filter((r) => !isField(r)), ...ranked.filter(isField)];
}

/** A result as it is shown: the interview, its ranked pairs (best first) and the positions to mark. */
export interface Hit {
  meta: { title: string; page: string; date?: string; who?: string };
  ranked: RankedPair[];
  hit: Set<number>;
  slug: string;
  /** How many passages of the interview hold matches. */
  places: number;
}

/**
 * Load and shape one result: its best pair, and the other matching pairs of that passage. The
 * passages are read in `passageOrder`, at most three: the first with a pair that really matches
 * (in the chosen language), then, for a query of three words or more, only those that may hold
 * the whole query in order, when that one does not (positions alone cannot tell "a green card"
 * from "are at a"; two adjacent matches are too common to be worth a second passage). A match in
 * the interview's fields only (they are in passage 0) is shown when no passage read has a pair
 * that matches. Null when nothing really matches (Pagefind's prefix fallback).
 */
export async function loadHit(result: Result, language: SideLanguage | "", query: string): Promise<Hit | null> {
  const n = queryTerms(query).length;
  let best: Hit | null = null;
  let read = 0;
  for (const p of result.passages) {
    if (read === 3) break;
    if (best && !isField(best.ranked[0]!) && (n < 3 || best.ranked[0]!.phrase >= n || p.run < n)) break;
    read++;
    const passage = await fetchPassage(result, p.n);
    const pairs: PassagePair[] = parsePassage(passage.content, passage.pairs, passage.start);
    const ranked = pairsFirst(rankPairs(pairs, result.words, language, query));
    if (!ranked.length) continue;
    if (best) {
      const top = ranked[0]!;
      const kept = best.ranked[0]!;
      // A paragraph beats a field; between two of a kind, the better match wins (a tie keeps the first).
      const worse = isField(top) !== isField(kept) ? isField(top) : better(kept, top) <= 0;
      if (worse) continue;
    }
    const meta = { title: passage.title, page: passage.page, date: passage.date, who: passage.who };
    best = { meta, ranked, hit: standsFor(pairs, result.words, query), slug: result.slug, places: result.passages.length };
  }
  return best;
}
