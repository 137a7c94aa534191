// src/browser/search/query.ts: the query as the index was built, and which words stand for it.
import { describe, expect, it } from "vitest";
import { isTooShort, norm, prepareQuery, queryTerms, termMatches, worthPreloading } from "../../src/browser/search/query.ts";
import { PAIR_MARK, SIDE_MARK, SPACE_MARK } from "../../src/search/marks.ts";
import { tokenizeChinese } from "../../src/search/tokens.ts";

describe("prepareQuery", () => {
  it("splits Han runs into words with the segmenter the index was built with", () => {
    expect(prepareQuery("扩展定律")).toBe(tokenizeChinese("扩展定律").join(" "));
    expect(prepareQuery("扩展定律").split(" ")).toEqual(["扩展", "定律"]);
  });
  it("keeps Latin words and spaces them from Chinese; collapses whitespace", () => {
    expect(prepareQuery("  OpenAI投资  ")).toBe(`OpenAI ${tokenizeChinese("投资").join(" ")}`);
    expect(prepareQuery("scaling \t law")).toBe("scaling law");
  });
  it("drops the record's own marks, which no query may contain", () => {
    expect(prepareQuery(`a${PAIR_MARK}b${SIDE_MARK}c${SPACE_MARK}d`)).toBe("a b c d");
    expect(prepareQuery(`${PAIR_MARK}${SIDE_MARK}`)).toBe("");
  });
});

describe("when a query runs", () => {
  it("waits for a second Latin letter; one Chinese character is enough", () => {
    expect(isTooShort(prepareQuery("h"))).toBe(true);
    expect(isTooShort(prepareQuery("h!"))).toBe(true);
    expect(isTooShort(prepareQuery("hy"))).toBe(false);
    expect(isTooShort(prepareQuery("投"))).toBe(false);
  });
  it("preloads the index only for a last word of three letters or a Chinese word", () => {
    expect(worthPreloading(prepareQuery("hy"))).toBe(false);
    expect(worthPreloading(prepareQuery("scaling la"))).toBe(false);
    expect(worthPreloading(prepareQuery("hyp"))).toBe(true);
    expect(worthPreloading(prepareQuery("投资"))).toBe(true);
    expect(worthPreloading("")).toBe(false);
  });
});

describe("queryTerms and norm", () => {
  it("compares words in lower case, letters and digits only", () => {
    expect(norm("AI's")).toBe("ais");
    expect(norm("“Laws,”")).toBe("laws");
    expect(queryTerms("Scaling LAWS, !")).toEqual(["scaling", "laws"]);
  });
});

describe("termMatches", () => {
  it("counts a matched word for a query word when it is the word, a longer word, or its stem", () => {
    const cases: [string, string, boolean][] = [
      ["laws", "law", true],
      ["scaling", "scal", true],
      ["company", "companies", true],
      ["run", "running", true],
      ["general", "generalization", true],
      ["AI", "ai", true],
      ["投资", "投资", true],
      ["投资", "投资人", true],
      // Pagefind's fallback to the longest indexed prefix of a word it does not know: not a match.
      ["we", "weishaupt", false],
      ["Mo's", "monstrous", false],
      ["in", "installa", false],
      ["ar", "ark", false],
      // Words of one or two letters: Pagefind matches them as a prefix of every longer word.
      ["a", "a", true],
      ["and", "a", false],
      ["AI's", "ai", true],
      ["aim", "ai", false],
      ["10", "10", true],
      ["100", "10", false],
      ["投", "投资", false],
    ];
    expect(cases.map(([tok, term]) => termMatches(tok, [term]).size > 0)).toEqual(cases.map((c) => c[2]));
  });
  it("says which query words a token stands for, and how: 2 the same word, 1 a longer word or stem", () => {
    expect([...termMatches("Laws,", ["scaling", "law", "laws"])]).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(termMatches("unrelated", ["scaling", "law"]).size).toBe(0);
  });
});
