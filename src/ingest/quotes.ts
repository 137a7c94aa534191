// The quotes of a video summary (`## 💬 经典金句`), each looked up in the transcript, so that a
// quote card can link to the paragraph where it is said. Summaries rarely quote word for word:
// punctuation, full-width letters and spaces differ, an ellipsis skips words, and often the quote
// is a close paraphrase of the translation ("十年之内，不会自动驾驶的汽车…" for
// "再过十年，一辆不能自己开的车…"). So a quote is found:
//   1. exactly, after normalising (letters and digits only, NFKC, lower case), in one paragraph
//      or across two neighbours, its pieces between ellipses in order;
//   2. else by its words: the share of the quote's words and word pairs (Chinese: characters and
//      character pairs; English: word stems and pairs) found together in a stretch of text not
//      much longer than the quote, the rarer ones counting for more. The best stretch is taken
//      only when it holds enough of the quote and clearly more than any other paragraph.
// A quote not found for sure, or in a language the transcript lacks, is not linked; an `info`
// line says so. Pure: quotes and sections in, `quote.pair` set.
import type { Quote, Section } from "../model.ts";
import { detectLanguage } from "./language.ts";
import { quote as quoted, type ProblemList } from "./problems.ts";

type QuoteLang = "en" | "zh";

/**
 * A paraphrase is taken when the best stretch of text holds at least this share of the quote
 * (weighted): more for a short quote, whose few words are easily found together by chance.
 * Measured on the two seeds (tests/ingest/quotes.test.ts): of the sentences of one half of the
 * long one looked up in its other half and in the Chinese-only one, 12 of 3,572 were linked by
 * chance (7 of the 1,604 of 20+ characters or 12+ words, the length of summary quotes); of close
 * paraphrases written for 20 of their paragraphs, 15 found theirs, none a wrong one.
 */
export function minScore(units: number, lang: QuoteLang): number {
  const need = lang === "zh" ? 1.2 - units / 30 : 1.2 - units / 12;
  return Math.min(0.95, Math.max(0.45, need));
}
/** …and the best paragraph must lead every other one (its neighbours aside) by this much. */
export const MIN_LEAD = 0.2;
/** Shortest quote looked up by its words (Chinese characters, English words): shorter ones are found together anywhere. */
const MIN_UNITS = { zh: 6, en: 4 };
/** Units per stretch when counting how rare a feature is (paragraphs differ too much in length to count by). */
const CHUNK_UNITS = { zh: 40, en: 13 };

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters and digits only, full-width folded, lower case: `“Ｈｅｌｌｏ， 世界！”` → `hello世界`. */
export function normaliseForMatch(text: string): string {
  const folded = text
    .replace(/\]\([^)]*\)/g, "]") // a link's address is not its text
    .normalize("NFKC")
    .toLowerCase();
  // A loop, not a \p{…} replace: every paragraph of a transcript with quotes goes through here.
  let out = "";
  let run = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    // A surrogate pair (Han extensions B–F) is one character.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < folded.length ? 2 : 1;
    const keep = c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) : (c >= 0x4e00 && c <= 0x9fff) || LETTER_OR_DIGIT.test(folded.slice(i, i + width));
    if (!keep) {
      out += folded.slice(run, i);
      run = i + width;
    }
    i += width - 1;
  }
  return run === 0 ? folded : out + folded.slice(run);
}

/** The pieces of a quote between ellipses (`… probably the single greatest …`), normalised. */
function pieces(text: string): string[] {
  return text
    .split(/\.{3,}|…+|⋯+|。{3,}/)
    .map(normaliseForMatch)
    .filter((p) => p.length > 0);
}

/** Every side's normalised text in one string, and where each starts in it. */
function joinSides(sides: Side[]): { all: string; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const side of sides) {
    starts.push(at);
    at += side.norm.length;
  }
  return { all: sides.map((side) => side.norm).join(""), starts };
}

/** The side a position of the joined text is in (binary search over the starts). */
function sideAtOffset(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A crude English stem, enough for a paraphrase: `models` ~ `model`, `going` ~ `go`. */
function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  for (const end of ["ing", "ed", "es", "s", "ly"]) {
    if (w.length > end.length + 1 && w.endsWith(end)) {
      w = w.slice(0, -end.length);
      break;
    }
  }
  return w;
}

const STOP_EN = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "is", "are", "be", "it", "that", "this", "for", "on", "with", "as", "at", "by", "we", "i", "you", "they", "will", "would", "can", "not", "do", "so"]);

/** One paragraph side, as the search reads it. */
export interface Side {
  pair: string;
  text: string;
  /** Normalised text (for the exact search; Chinese units are its characters). */
  norm: string;
  /** English units: word ids (made when first needed). */
  words?: number[];
}

/** The sides of one language, and the word ids of its English. */
export interface Corpus {
  lang: QuoteLang;
  sides: Side[];
  /** English word stem → id, shared by the sides and the quotes. */
  dict: Map<string, number>;
  /** The sides' normalised texts joined, for the exact search (made when first needed). */
  joined?: { all: string; starts: number[] };
}

export function corpusOf(lang: QuoteLang, sides: { pair: string; text: string }[]): Corpus {
  return { lang, sides: sides.map(({ pair, text }) => ({ pair, text, norm: normaliseForMatch(text) })), dict: new Map() };
}

/** A text as the numbers it is compared by: Chinese as its characters, English as word stems. */
function unitsOf(text: string, corpus: Corpus, norm = normaliseForMatch(text)): ArrayLike<number> {
  if (corpus.lang === "zh") {
    const out = new Uint16Array(norm.length);
    for (let i = 0; i < norm.length; i++) out[i] = norm.charCodeAt(i);
    return out;
  }
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+(?:'\p{L}+)?/gu) ?? [];
  return words.map((w) => {
    const s = stem(w);
    let id = corpus.dict.get(s);
    if (id === undefined) corpus.dict.set(s, (id = corpus.dict.size));
    return id;
  });
}

/** The English ids of words too common to count alone. */
function stopIds(corpus: Corpus): Set<number> {
  const out = new Set<number>();
  if (corpus.lang === "en") for (const w of STOP_EN) if (corpus.dict.has(w)) out.add(corpus.dict.get(w)!);
  return out;
}

export interface QuoteMatch {
  /** The pair's id, when the match is confident. */
  pair?: string;
  /** `exact`, `paraphrase`, or why there is no link. */
  how: "exact" | "paraphrase" | "no-language" | "not-found";
  /** The best paragraph, its score (0–1) and its lead over any paragraph not next to it. */
  best?: { pair: string; score: number; lead: number };
}

/** Finds one quote among the sides of its language. */
export function findQuote(text: string, corpus: Corpus): QuoteMatch {
  const { sides, lang } = corpus;
  if (!sides.length) return { how: "no-language" };
  // 1. Exactly, in one paragraph or across two: the first piece, then the others in order
  // before the end of the next paragraph.
  const parts = pieces(text);
  if (parts.length) {
    const { all, starts } = (corpus.joined ??= joinSides(sides));
    for (let from = all.indexOf(parts[0]); from >= 0; from = all.indexOf(parts[0], from + 1)) {
      const s = sideAtOffset(starts, from);
      const limit = s + 2 < starts.length ? starts[s + 2] : all.length;
      let end = from + parts[0].length;
      const rest = parts.slice(1).every((part) => {
        const i = all.indexOf(part, end);
        end = i + part.length;
        return i >= 0 && end <= limit;
      });
      if (end <= limit && rest) return { pair: sides[s].pair, how: "exact", best: { pair: sides[s].pair, score: 1, lead: 1 } };
    }
  }
  // 2. By its words.
  const wanted = unitsOf(text, corpus);
  if (wanted.length < MIN_UNITS[lang]) return { how: "not-found" };
  const stop = stopIds(corpus);
  // Feature ids: a unit alone (key -1) and a unit with the one after it.
  const ids = new Map<number, Map<number, number>>();
  let count = 0;
  const add = (u: number, next: number) => {
    let byNext = ids.get(u);
    if (!byNext) ids.set(u, (byNext = new Map()));
    if (!byNext.has(next)) byNext.set(next, count++);
  };
  for (let i = 0; i < wanted.length; i++) {
    if (!stop.has(wanted[i])) add(wanted[i], -1);
    if (i + 1 < wanted.length) add(wanted[i], wanted[i + 1]);
  }
  // Where each feature occurs, the whole transcript read as one run of units.
  const at: number[] = [];
  const feature: number[] = [];
  const sideAt: number[] = [];
  let offset = 0;
  const hit = (pos: number, f: number | undefined, s: number) => {
    if (f === undefined) return;
    at.push(pos);
    feature.push(f);
    sideAt.push(s);
  };
  sides.forEach((side, s) => {
    // Chinese: the characters of the normalised text, read in place; English: word ids, kept.
    const norm = side.norm;
    const words = lang === "en" ? (side.words ??= Array.from(unitsOf(side.text, corpus))) : undefined;
    const length = words ? words.length : norm.length;
    const unit = words ? (i: number) => words[i] : (i: number) => norm.charCodeAt(i);
    for (let i = 0; i < length; i++) {
      const byNext = ids.get(unit(i));
      if (!byNext) continue;
      hit(offset + i, byNext.get(-1), s);
      if (i + 1 < length) hit(offset + i, byNext.get(unit(i + 1)), s);
    }
    offset += length + 1;
  });
  // How rare each feature is: in how many stretches of the transcript it occurs. The square root
  // of the usual weight: a rare word counts for more, but a paraphrase, which has rare words of
  // its own that the translation lacks, is not sunk by them.
  const chunk = CHUNK_UNITS[lang];
  const chunks = Math.max(1, Math.ceil(offset / chunk));
  const df = new Array<number>(count).fill(0);
  const lastChunk = new Array<number>(count).fill(-1);
  for (let h = 0; h < at.length; h++) {
    const c = Math.floor(at[h] / chunk);
    if (lastChunk[feature[h]] !== c) {
      lastChunk[feature[h]] = c;
      df[feature[h]]++;
    }
  }
  const weight = df.map((n) => Math.sqrt(Math.log(1 + chunks / Math.max(n, 1))));
  const total = weight.reduce((a, b) => a + b, 0);
  // The best stretch no longer than about 1.5 quotes, for each side (a long paragraph holds many
  // common words far apart; a stretch may run across two paragraphs).
  const span = Math.ceil(wanted.length * 1.5) + 4;
  const bestOf = new Array<number>(sides.length).fill(0);
  const inWindow = new Array<number>(count).fill(0);
  let got = 0;
  let left = 0;
  for (let right = 0; right < at.length; right++) {
    if (inWindow[feature[right]]++ === 0) got += weight[feature[right]];
    while (at[left] < at[right] - span) {
      if (--inWindow[feature[left]] === 0) got -= weight[feature[left]];
      left++;
    }
    // A stretch across two paragraphs counts for the one holding most of its hits.
    const s = sideAt[(left + right) >> 1];
    if (got / total > bestOf[s]) bestOf[s] = got / total;
  }
  let best = 0;
  for (let i = 1; i < bestOf.length; i++) if (bestOf[i] > bestOf[best]) best = i;
  // The runner-up: the best of the paragraphs that are not the best one or its neighbours.
  let second = 0;
  bestOf.forEach((score, i) => {
    if (Math.abs(i - best) > 1 && score > second) second = score;
  });
  const found = { pair: sides[best].pair, score: bestOf[best], lead: bestOf[best] - second };
  if (found.score >= minScore(wanted.length, lang) && found.lead >= MIN_LEAD) return { pair: found.pair, how: "paraphrase", best: found };
  return { how: "not-found", best: found };
}

/** The sides of a language, in order. */
function sidesOf(sections: readonly Section[], lang: QuoteLang): Corpus {
  const sides: { pair: string; text: string }[] = [];
  for (const s of sections) for (const p of s.pairs) if (p[lang]) sides.push({ pair: p.id, text: p[lang].text });
  return corpusOf(lang, sides);
}

/** Sets `pair` on every quote found for sure; an `info` problem for each one that is not. */
export function linkQuotes(quotes: Quote[], sections: readonly Section[], problems: ProblemList): void {
  if (!quotes.length) return;
  const corpora: Partial<Record<QuoteLang, Corpus>> = {};
  for (const q of quotes) {
    const lang = detectLanguage(q.text);
    if (lang === "none") continue;
    const match = findQuote(q.text, (corpora[lang] ??= sidesOf(sections, lang)));
    if (match.pair) {
      q.pair = match.pair;
      continue;
    }
    const language = lang === "en" ? "English" : "Chinese";
    const why =
      match.how === "no-language"
        ? `is in ${language}, and the transcript has no ${language} text to find it in`
        : `was not found in the transcript${match.best && match.best.score >= 0.1 ? ` (closest: ${match.best.pair}, ${Math.round(match.best.score * 100)}% alike)` : ""}`;
    problems.info(q.line ?? 1, "quote-not-linked", `quote ${quoted(q.text)} ${why}; not linked to a paragraph`);
  }
}
