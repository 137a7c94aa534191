// src/browser/search/rank.ts: which pair shows a result, and which results come first.
import { describe, expect, it } from "vitest";
import { matchedWords, quotesFirst, rankPairs, standsFor } from "../../src/browser/search/rank.ts";
import { prepareQuery } from "../../src/browser/search/query.ts";
import { PAIR_MARK, SIDE_MARK } from "../../src/search/marks.ts";
import { parsePassage } from "../../src/search/passages.ts";
import { tokenizeChinese, tokenizeEnglish } from "../../src/search/tokens.ts";

/** A passage of pairs [en, zh], as the index writes it, read back. */
function passage(pairs: [string, string][], start = 0) {
  const content = pairs.map(([en, zh]) => [PAIR_MARK, ...tokenizeEnglish(en), SIDE_MARK, ...tokenizeChinese(zh)].join(" ")).join(" ");
  return parsePassage(content, pairs.map((_, i) => `p-${i + 1}`).join(" "), start);
}

/** The positions Pagefind would report for these words (every token starting with one of them). */
function positions(pairs: ReturnType<typeof passage>, words: string[]): number[] {
  const out: number[] = [];
  for (const p of pairs) for (const t of [...p.en, ...p.zh]) if (words.some((w) => t.tok.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "").startsWith(w))) out.push(t.pos);
  return out;
}

const text: [string, string][] = [
  ["Nobody needs bombs, and nobody needs atomic weapons.", "没有人需要炸弹。"],
  ["Nobody needs atomic bombs.", "没有人需要原子弹。"],
  ["Atomic energy and bombs are different things.", "原子能和炸弹是两回事。"],
];

describe("rankPairs", () => {
  it("puts first the pair holding the query in order (the quote), then more query words, then more matches", () => {
    const pairs = passage(text);
    const q = prepareQuery("atomic bombs");
    const ranked = rankPairs(pairs, positions(pairs, ["atomic", "bomb"]), "", q);
    expect(ranked.map((r) => r.pair.id)).toEqual(["p-2", "p-1", "p-3"]);
    expect(ranked[0]!.phrase).toBe(2);
    expect(ranked[1]!.phrase).toBe(1);
    expect(ranked[0]!.sides).toEqual(["en"]);
  });
  it("counts only the chosen language, and a match Pagefind made by its prefix fallback not at all", () => {
    const pairs = passage(text);
    expect(rankPairs(pairs, positions(pairs, ["炸弹"]), "en", prepareQuery("炸弹"))).toEqual([]);
    const zh = rankPairs(pairs, positions(pairs, ["炸弹"]), "zh", prepareQuery("炸弹"));
    expect(zh.map((r) => r.pair.id)).toEqual(["p-1", "p-3"]);
    // Pagefind matched "nobody" for "no…", the longest indexed start of a word it does not know: stands for nothing.
    expect(rankPairs(pairs, positions(pairs, ["nobody"]), "", prepareQuery("nothingness"))).toEqual([]);
    expect(rankPairs(pairs, positions(pairs, ["nobody"]), "", prepareQuery("nobodies")).length).toBe(2);
  });
});

describe("standsFor and matchedWords", () => {
  it("marks the matched tokens that stand for a query word, and hands them over without punctuation", () => {
    const pairs = passage(text);
    const hit = standsFor(pairs, positions(pairs, ["atomic", "bomb", "nobody"]), prepareQuery("atomic bombs"));
    const words = matchedWords(pairs[1]!, hit);
    expect(words).toEqual(["atomic", "bombs"]);
  });
});

describe("quotesFirst", () => {
  const r = (id: string, phrase: number, distinct = phrase) => ({ id, ranked: [{ phrase, distinct } as never] as { phrase: number; distinct: number }[] });
  it("puts the results whose best pair holds the whole query first, otherwise keeps the order, and drops the unshown", () => {
    const got = quotesFirst([r("a", 1), null, r("b", 2), r("c", 1), r("d", 2)] as never[], "atomic bombs") as { id: string }[];
    expect(got.map((h) => h.id)).toEqual(["b", "d", "a", "c"]);
    const one = quotesFirst([r("a", 1), r("b", 1)] as never[], "atomic") as { id: string }[];
    expect(one.map((h) => h.id)).toEqual(["a", "b"]);
  });
  it("then those whose best pair holds every word of the query, in any order", () => {
    const got = quotesFirst([r("a", 1, 1), r("b", 1, 2), r("c", 2, 2)] as never[], "OpenAI 投资") as { id: string }[];
    expect(got.map((h) => h.id)).toEqual(["c", "b", "a"]);
  });
});
