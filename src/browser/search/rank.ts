// Which pair of a passage shows a result, and which results come first. Pure (unit-tested).
import type { PassagePair } from "../../search/passages.ts";
import { SPACE_MARK, type SideLanguage } from "../../search/marks.ts";
import { queryTerms, termMatches } from "./query.ts";

/** A pair that holds matches, and how well. */
export interface RankedPair {
  pair: PassagePair;
  /** Matched tokens that stand for a query word. */
  count: number;
  /** The longest run of query words in query order (the quote typed). */
  phrase: number;
  /** Query words found as they were typed. */
  exact: number;
  /** Query words found at all. */
  distinct: number;
  /** The sides that hold matches. */
  sides: SideLanguage[];
}

export const SIDES: readonly SideLanguage[] = ["en", "zh"];

/**
 * The pairs of a passage that hold matches (in the allowed language, or both when `language` is
 * empty), best first: the longest run of query words in query order (the quote itself), then how
 * many query words appear as they were typed, then how many appear at all, then how many matches.
 */
export function rankPairs(pairs: readonly PassagePair[], positions: Iterable<number>, language: SideLanguage | "", query: string): RankedPair[] {
  const hit = new Set(positions);
  const terms = queryTerms(query);
  const out: RankedPair[] = [];
  for (const p of pairs) {
    let count = 0;
    let phrase = 0;
    const exact = new Set<number>();
    const found = new Set<number>();
    const sides: SideLanguage[] = [];
    for (const side of SIDES) {
      if (language && language !== side) continue;
      let n = 0;
      let prev = new Map<number, number>(); // term index → run length ending at the previous token
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
        const runs = new Map<number, number>();
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
  out.sort(better);
  return out;
}

/** Sort order of ranked pairs: best first. */
export function better(a: RankedPair, b: RankedPair): number {
  return b.phrase - a.phrase || b.exact - a.exact || b.distinct - a.distinct || b.count - a.count;
}

/** The matched positions of a passage whose token stands for a query word (what is marked). */
export function standsFor(pairs: readonly PassagePair[], positions: Iterable<number>, query: string): Set<number> {
  const hit = new Set(positions);
  const terms = queryTerms(query);
  const out = new Set<number>();
  for (const p of pairs) for (const side of SIDES) for (const t of p[side]) if (hit.has(t.pos) && termMatches(t.tok, terms).size) out.add(t.pos);
  return out;
}

/** The words to mark on the page a result leads to: the matched tokens of a pair, without their punctuation. */
export function matchedWords(pair: PassagePair, hit: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (const side of SIDES) for (const t of pair[side]) if (hit.has(t.pos)) out.push(t.tok.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  return out.filter(Boolean);
}

/**
 * Within a batch of loaded results, those whose best pair holds the whole query in order (the
 * quote that was typed) come first, then those whose best pair holds every query word; otherwise
 * Pagefind's order stands (it ranks the interviews, the interview's fields weighing most).
 * Results that could not be shown (null) are left out.
 */
export function quotesFirst<T extends { ranked: RankedPair[] }>(hits: readonly (T | null)[], query: string): T[] {
  const n = queryTerms(query).length;
  const rank = (h: T) => (n > 1 && h.ranked[0]!.phrase >= n ? 2 : n > 1 && h.ranked[0]!.distinct >= n ? 1 : 0);
  return hits
    .filter((h): h is T => Boolean(h))
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(b.h) - rank(a.h) || a.i - b.i)
    .map((x) => x.h);
}
