// The query as the index was built, and which indexed words stand for which query word.
// Pure: no DOM, no Pagefind (unit-tested in tests/browser/).
import { HAN, HAN_RUN, hanWords } from "../../search/han.ts";
import { PAIR_MARK, SPACE_MARK } from "../../search/marks.ts";
import { searchForm } from "../../search/search-form.ts";

/** A Han character (simplifier.ts asks it of a query). */
export { HAN as HAS_HAN };
const OUR_MARKS = new RegExp(`[${PAIR_MARK}-${SPACE_MARK}]`, "g");

/** Words a query keeps (a longer one is cut there): a quote is a sentence, not a page. */
export const MAX_QUERY_WORDS = 32;

/**
 * The query as the index was built: in search form (one script, folded width and punctuation:
 * src/search/search-form.ts), Han runs split into words with the same ICU segmenter, at most
 * MAX_QUERY_WORDS words.
 */
export function prepareQuery(raw: string): string {
  const q = searchForm(String(raw || "").slice(0, 2000)).replace(OUR_MARKS, " ").trim();
  if (!q || typeof Intl === "undefined" || !Intl.Segmenter) return q;
  return q
    .replace(HAN_RUN, (run) => " " + hanWords(run).join(" ") + " ")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .slice(0, MAX_QUERY_WORDS)
    .join(" ");
}

/** A query with no letter, digit or Han character has nothing to search for. */
export function isEmptyQuery(prepared: string): boolean {
  return !/[\p{L}\p{N}]/u.test(prepared);
}

/** One Latin letter matches a large part of the index: such a query waits for a second one. */
export function isTooShort(prepared: string): boolean {
  return !HAN.test(prepared) && prepared.replace(/[^\p{L}\p{N}]/gu, "").length < 2;
}

/**
 * Whether to fetch the index chunks for a query being typed before the typing pause ends. Not
 * for one or two Latin letters: the chunks for every word starting with "h" are most of the index.
 */
export function worthPreloading(prepared: string): boolean {
  const last = prepared.split(" ").pop() || "";
  return Boolean(last) && (HAN.test(last) || last.length >= 3);
}

/** A token as it is compared with a query word: in search form, lower case, letters and digits only. */
export const norm = (tok: string): string => searchForm(tok).toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** The words of a prepared query, as tokens are compared with them. */
export const queryTerms = (query: string): string[] => String(query || "").split(" ").map(norm).filter(Boolean);

function commonPrefix(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** How a token stands for a query word: 2, the same word; 1, a longer word or its stem. */
export type MatchKind = 1 | 2;

/**
 * Which query terms a matched token stands for (term index → kind). When no indexed word
 * starts with a query word, Pagefind falls back to the longest prefix of it that is indexed
 * ("weishaupt" matches "we", "monstrous" matches "Mo's"): such a token shares only a short
 * start with the word typed and stands for none. A stem shares most of it (English suffixes
 * stripped by the stemmer are at most 7 letters: "generalization", "general"); a Chinese word of
 * two characters is a word.
 */
export function termMatches(tok: string, terms: readonly string[]): Map<number, MatchKind> {
  const t = norm(tok);
  const out = new Map<number, MatchKind>();
  terms.forEach((term, i) => {
    if (t === term) out.set(i, 2);
    // Pagefind matches a word of one or two letters as a prefix of every longer one ("a" finds
    // "and", "ai" finds "aim"): such a word stands only for itself, or with an "s" ("AI's").
    else if (!HAN.test(term) && term.length < 3) {
      if (t === `${term}s`) out.set(i, 1);
    }
    // Likewise one Chinese character ("机器人" may be segmented 机器 + 人; 人 is not 人们).
    else if (HAN.test(term) && [...term].length === 1) return;
    else if (t.startsWith(term)) out.set(i, 1);
    else {
      const length = [...term].length;
      const needed = HAN.test(term) ? Math.min(length, 2) : Math.min(length, Math.max(3, length - 7));
      if (commonPrefix(t, term) >= needed) out.set(i, 1);
    }
  });
  return out;
}
