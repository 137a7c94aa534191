// src/search/search-form.ts and the tokens made with it: the form text takes in the index and in
// a query (one script, folded width and punctuation), while pages keep the text as written.
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../src/ingest/load.ts";
import { prepareQuery } from "../../src/browser/search/query.ts";
import { foldWidth, searchForm, simplify } from "../../src/search/search-form.ts";
import { chineseSearchTokens, englishSearchTokens, joinTokens, sideText } from "../../src/search/tokens.ts";
import { SEEDS } from "../support/fixtures.ts";

const seeds = loadArchive(SEEDS).transcripts;

describe("foldWidth", () => {
  it("reads full-width Latin letters, digits and signs as ASCII", () => {
    expect(foldWidth("ＡＩ ２０２６ ＧＰＵ－４！")).toBe("AI 2026 GPU-4!");
    expect(foldWidth("（注）")).toBe("(注)");
  });
  it("reads curly apostrophes and quotes as straight ones, and the en dash and its kin as a hyphen", () => {
    expect(foldWidth("AI’s ‘best’ “idea” 2020–2024 −3 ‐x")).toBe(`AI's 'best' "idea" 2020-2024 -3 -x`);
  });
  it("leaves everything else, and keeps every offset (one UTF-16 unit for one)", () => {
    const text = "我们现在有三个扩展定律。Émigré — naïve; 𠀀 ﾊﾝｶｸ";
    expect(foldWidth(text)).toBe(text);
    for (const s of ["ＡＩ’s–“x”", "Ｈｅｌｌｏ，世界！"]) expect(foldWidth(s)).toHaveLength(s.length);
  });
});

describe("simplify (OpenCC: Taiwan variants, then traditional phrases and characters)", () => {
  it("reads 繁體 as 简体", () => {
    expect(simplify("訓練")).toBe("训练");
    expect(simplify("經濟")).toBe("经济");
    expect(simplify("機器人")).toBe("机器人");
    expect(simplify("黃仁勳")).toBe("黄仁勋");
    expect(simplify("裡面")).toBe("里面");
    expect(simplify("臺灣的軟體")).toBe("台湾的软体");
  });
  it("leaves 简体 and text without Chinese as it is", () => {
    for (const s of ["训练", "经济学", "OpenAI will be huge", "2026", ""]) expect(simplify(s)).toBe(s);
  });
});

describe("searchForm", () => {
  it("is both: folded, then simplified; and doing it twice changes nothing", () => {
    const s = "ＡＩ訓練’s “經濟” 2020–2024";
    expect(searchForm(s)).toBe(`AI训练's "经济" 2020-2024`);
    expect(searchForm(searchForm(s))).toBe(searchForm(s));
  });
  it("is what a query becomes before it is segmented, as the index was", () => {
    expect(prepareQuery("訓練資料")).toBe(prepareQuery("训练资料"));
    expect(prepareQuery("ＧＰＵ")).toBe("GPU");
    expect(prepareQuery("robot’s")).toBe("robot's");
  });
});

describe("search tokens", () => {
  it("cut the text as written where its search form is segmented, one token for one", () => {
    const { shown, indexed } = chineseSearchTokens("我們把大部分預算花在訓練資料上。");
    expect(shown.join("")).toBe("我們把大部分預算花在訓練資料上。");
    expect(indexed.join("")).toBe("我们把大部分预算花在训练资料上。");
    expect(indexed).toEqual(chineseSearchTokens("我们把大部分预算花在训练资料上。").indexed);
    expect(shown).toHaveLength(indexed.length);
  });
  it("keep English tokens as written beside their search form", () => {
    expect(englishSearchTokens("The ＧＰＵ budget – robot’s")).toEqual({ shown: ["The", "ＧＰＵ", "budget", "–", "robot’s"], indexed: ["The", "GPU", "budget", "-", "robot's"] });
  });
  it("give every paragraph of the seeds back as written, and its search form token by token", () => {
    let checked = 0;
    for (const t of seeds)
      for (const s of t.sections)
        for (const p of s.pairs) {
          if (p.zh) {
            const text = sideText(p.zh);
            const { shown, indexed } = chineseSearchTokens(text);
            expect(joinTokens(shown, "zh")).toBe(text);
            expect(indexed).toEqual(shown.map(searchForm));
            checked++;
          }
          if (p.en) {
            const { shown, indexed } = englishSearchTokens(sideText(p.en));
            expect(indexed).toEqual(shown.map(searchForm));
          }
        }
    expect(checked).toBeGreaterThan(150);
  });
});
