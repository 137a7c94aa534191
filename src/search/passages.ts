// Passages: what the search page fetches to show a match. A transcript's record is one Pagefind
// page (records.ts), and Pagefind's fragment of it would be the whole transcript, so the search
// page reads passage N instead: every pair with a token at word positions [N × size, (N + 1) ×
// size), with the position of its first token, so that a match at position p is in passage
// ⌊p / size⌋. A passage also carries the interview's title, date and speaker: one small file
// per result shown. Pure: shared by the build (which cuts them) and the search page (which
// reads them back).
import { PAIR_MARK, SIDE_MARK } from "./marks.ts";

/** The interview a passage belongs to, as a result names it. */
export interface SearchRecordMeta {
  /** Interview title, as on its page. */
  title: string;
  /** `/t/<slug>/`, root-relative (the search page adds the site base). */
  page: string;
  /** ISO date `YYYY-MM-DD`, when known. */
  date?: string;
  /** Speaker, channel or author, as in the byline. */
  who?: string;
}

/** What the search page fetches to show a match (`<bundle>passages/<slug>/<N>.json.gz`). */
export interface Passage extends SearchRecordMeta {
  /** Word position, in the transcript's record, of the first token of `content`. */
  start: number;
  /** Ids of the pairs in this passage, in content order, separated by spaces (`p-12 p-13`). */
  pairs: string;
  /** The pairs' tokens, as in the record. */
  content: string;
}

/**
 * Word positions per passage. Bigger passages mean fewer files but more bytes per result shown
 * (one passage each). 3,000: about 6.7 KB gzip'd, 11 passages for a transcript of the synthetic
 * archive (docs/performance.md has 1,500 measured too).
 */
export const DEFAULT_PASSAGE_SIZE = 3000;

/**
 * Passage N's file name under `passages/<slug>/`: its JSON, gzip'd (a third of the size on disk;
 * GitHub Pages sends it as it is, and the search page inflates it with DecompressionStream).
 */
export const passageFile = (n: number) => `${n}.json.gz`;

/** One pair of a record as cut into passages: its id, its tokens joined, where they start, how many. */
export interface PairSpan {
  id: string;
  /** `␞ <en tokens> ␟ <zh tokens>`, joined by spaces. */
  text: string;
  start: number;
  length: number;
}

/** Pairs in record order → passages of `size` positions (a pair overlapping two passages is in both). */
export function cutPassages(pairs: readonly PairSpan[], meta: SearchRecordMeta, size = DEFAULT_PASSAGE_SIZE): Passage[] {
  const members: PairSpan[][] = [];
  for (const x of pairs) {
    const last = Math.floor((x.start + x.length - 1) / size);
    for (let n = Math.floor(x.start / size); n <= last; n++) (members[n] ??= []).push(x);
  }
  return members.map((group) => ({
    ...meta,
    start: group[0]!.start,
    pairs: group.map((x) => x.id).join(" "),
    content: group.map((x) => x.text).join(" "),
  }));
}

/** A token of a passage and its word position in the transcript's record. */
export interface Token {
  pos: number;
  tok: string;
}

/** A pair read back from a passage: its id, the position of its PAIR_MARK, and each side's tokens. */
export interface PassagePair {
  id: string;
  at: number;
  en: Token[];
  zh: Token[];
}

/** Passage content + its pair ids (+ the word position of its first token) → its pairs, each token with its position. */
export function parsePassage(content: string, pairIds: string, start = 0): PassagePair[] {
  const ids = pairIds.split(" ").filter(Boolean);
  const tokens = content.split(" ");
  const pairs: PassagePair[] = [];
  let current: PassagePair | undefined;
  let side: "en" | "zh" = "en";
  tokens.forEach((tok, i) => {
    const pos = start + i;
    if (tok === PAIR_MARK) {
      current = { id: ids[pairs.length] ?? "", at: pos, en: [], zh: [] };
      pairs.push(current);
      side = "en";
    } else if (tok === SIDE_MARK) {
      side = "zh";
    } else if (current) {
      current[side].push({ pos, tok });
    }
  });
  return pairs;
}

/** A passage of a result that holds matches: its number, the matched positions in it, and their longest consecutive run. */
export interface PassageMatches {
  n: number;
  words: number[];
  run: number;
}

/**
 * The passages of a transcript that hold matches, best first: the longest run of matched words
 * at consecutive positions (a quote typed in order), then the most matches, then page order.
 * Positions below `fields` are the interview's fields (search/fields.ts): a passage is ranked by
 * the transcript's own words in it, and passages with matches in the fields only come last.
 */
export function passageOrder(words: readonly number[], size: number, fields = 0): PassageMatches[] {
  const byPassage = new Map<number, number[]>();
  for (const w of [...new Set(words)].sort((a, b) => a - b)) {
    const n = Math.floor(w / size);
    const list = byPassage.get(n);
    if (list) list.push(w);
    else byPassage.set(n, [w]);
  }
  const longestRun = (list: number[]) => {
    let run = list.length ? 1 : 0;
    let best = run;
    for (let i = 1; i < list.length; i++) {
      run = list[i] === list[i - 1]! + 1 ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  };
  const out: (PassageMatches & { body: boolean; count: number })[] = [];
  for (const [n, list] of byPassage) {
    const body = list.filter((w) => w >= fields);
    const ranked = body.length ? body : list;
    out.push({ n, words: list, run: longestRun(ranked), count: ranked.length, body: body.length > 0 });
  }
  return out
    .sort((a, b) => Number(b.body) - Number(a.body) || b.run - a.run || b.count - a.count || a.n - b.n)
    .map(({ n, words: w, run }) => ({ n, words: w, run }));
}
