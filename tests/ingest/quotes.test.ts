// Summary quotes looked up in the transcript (src/ingest/quotes.ts): exactly after normalising,
// then as a close paraphrase; and how often the search links a sentence to a paragraph that does
// not say it, measured on the seeds.
import { describe, expect, it } from "vitest";
import { corpusOf, findQuote, minScore, normaliseForMatch } from "../../src/ingest/quotes.ts";
import type { Pair } from "../../src/model.ts";
import { ingestSeed, pairsOf } from "../support/fixtures.ts";

const sidesOf = (pairs: Pair[], lang: "en" | "zh") => pairs.filter((p) => p[lang]).map((p) => ({ pair: p.id, text: p[lang]!.text }));

describe("normalising", () => {
  it("keeps letters and digits only, full-width folded, lower case; a link's address dropped", () => {
    expect(normaliseForMatch("“Ｈｅｌｌｏ， 世界！”")).toBe("hello世界");
    expect(normaliseForMatch("我们每周跑 ２０万单 付费行程!")).toBe("我们每周跑20万单付费行程");
    expect(normaliseForMatch("See [the 𠀀 paper](https://x.test/p) now.")).toBe("seethe𠀀papernow");
  });
});

describe("finding a quote exactly", () => {
  const corpus = () =>
    corpusOf("en", [
      { pair: "p-1", text: "Hello and welcome." },
      { pair: "p-2", text: "DeepSeek was probably the single most important paper that most Silicon Valley researchers read in the last couple years." },
      { pair: "p-3", text: "And it was probably the single greatest contribution to American AI last year." },
      { pair: "p-4", text: "Thank you." },
    ]);
  it("in one paragraph, whatever the punctuation and case", () => {
    expect(findQuote("“the single MOST important paper,”", corpus())).toMatchObject({ how: "exact", pair: "p-2" });
  });
  it("with its pieces between ellipses in order, across two paragraphs: linked to the first", () => {
    const q = '"DeepSeek was probably the single most important paper... probably the single greatest contribution to American AI last year."';
    expect(findQuote(q, corpus())).toMatchObject({ how: "exact", pair: "p-2" });
  });
  it("not when its pieces are out of order", () => {
    expect(findQuote("the single greatest contribution ... the single most important paper", corpus()).how).not.toBe("exact");
  });
  it("says when the transcript has no text in the quote's language", () => {
    expect(findQuote("Hello", corpusOf("en", [])).how).toBe("no-language");
  });
});

describe("finding a close paraphrase", () => {
  const t3 = ingestSeed("003_2b149ca5e6d99755.txt");
  const zh3 = sidesOf(pairsOf(t3), "zh");
  it("the issue's example, with the paragraph among the long seed's Chinese ones, at three places", () => {
    const t0 = ingestSeed("000_3b6afdfa3ea1ef5a.txt");
    const paragraph = { pair: "X", text: "我觉得再过十年，一辆不能自己开的车，就会像今天没有安全带的车一样，让人无法想象……" };
    for (const sides of [zh3, sidesOf(pairsOf(t0), "zh")]) {
      for (const at of [0, 30, 60]) {
        const corpus = corpusOf("zh", [...sides.slice(0, at), paragraph, ...sides.slice(at)]);
        expect(findQuote('"十年之内，不会自动驾驶的汽车会像没有安全带的汽车一样不可想象。"', corpus)).toMatchObject({ how: "paraphrase", pair: "X" });
      }
    }
  });
  it("paraphrases written for paragraphs of the Chinese-only seed find them", () => {
    const corpus = corpusOf("zh", zh3);
    const cases: [string, string][] = [
      ["一切会动的东西都将机器人化。", "p-91"],
      ["我今年的平均海拔大概有一万七千英尺。", "p-12"],
      ["我们需要芯片工厂、超级计算机工厂和AI工厂，这三种工厂正在美国各地建设。", "p-26"],
      ["DeepSeek可能是去年对美国AI最大的单一贡献。", "p-69"],
      ["世界上没有哪个国家比中国对开源的贡献更多。", "p-105"],
    ];
    for (const [quote, pair] of cases) expect(findQuote(quote, corpus), quote).toMatchObject({ how: "paraphrase", pair });
  });
  it("English paraphrases find their paragraph of the long seed", () => {
    const corpus = corpusOf("en", sidesOf(pairsOf(ingestSeed("000_3b6afdfa3ea1ef5a.txt")), "en"));
    const cases: [string, string][] = [
      ["I've never met anyone who is secure and poor.", "p-61"],
      ["Being rich as a nation is essential to national security.", "p-61"],
      ["We have to have world-class builders, and Elon Musk may be the most world-class builder in the country.", "p-53"],
    ];
    for (const [quote, pair] of cases) expect(findQuote(quote, corpus), quote).toMatchObject({ how: "paraphrase", pair });
  });
  it("a quote the transcript does not hold is not linked", () => {
    const corpus = corpusOf("zh", zh3);
    for (const quote of ["激光雷达的价格终将降到一百美元以下。", "我们永远不会停止创新，这是英伟达的文化。", "悲观者在晚宴上显得聪明，乐观者推动人类前进。"]) {
      expect(findQuote(quote, corpus).pair, quote).toBeUndefined();
    }
  });
  it("asks more of a short quote", () => {
    expect(minScore(29, "zh")).toBe(0.45);
    expect(minScore(12, "zh")).toBeCloseTo(0.8);
    expect(minScore(5, "en")).toBeGreaterThan(minScore(12, "en"));
  });
});

describe("links by chance (precision, measured on the seeds)", () => {
  // Every sentence of one half of the long seed, looked up in the other half (same speakers, same
  // subjects: the hardest case), and in the Chinese-only seed. None of them is said there.
  const t0 = ingestSeed("000_3b6afdfa3ea1ef5a.txt");
  const pairs = pairsOf(t0);
  const half = Math.floor(pairs.length / 2);
  const sentences = (from: Pair[], lang: "en" | "zh") =>
    from.flatMap((p) => (p[lang]?.text ?? "").split(lang === "zh" ? /[。！？]/ : /(?<=[.!?])\s+/)).map((s) => s.trim()).filter(Boolean);
  const long = (s: string, lang: "en" | "zh") => (lang === "zh" ? normaliseForMatch(s).length >= 20 : s.split(/\s+/).length >= 12);
  const runs: [Pair[], Pair[], "en" | "zh"][] = [
    [pairs.slice(0, half), pairs.slice(half), "zh"],
    [pairs.slice(half), pairs.slice(0, half), "zh"],
    [pairs.slice(0, half), pairs.slice(half), "en"],
    [pairs.slice(half), pairs.slice(0, half), "en"],
    [pairs, pairsOf(ingestSeed("003_2b149ca5e6d99755.txt")), "zh"],
  ];
  it("links at most 1 in 100 sentences, of those a summary would quote (20+ characters, 12+ words) and of all", () => {
    let all = 0;
    let allLinked = 0;
    let quotable = 0;
    let quotableLinked = 0;
    for (const [from, to, lang] of runs) {
      const corpus = corpusOf(lang, sidesOf(to, lang));
      for (const s of sentences(from, lang)) {
        const m = findQuote(s, corpus);
        if (m.how === "exact") continue; // said in both halves
        all++;
        if (m.pair) allLinked++;
        if (long(s, lang)) {
          quotable++;
          if (m.pair) quotableLinked++;
        }
      }
    }
    console.log(`links by chance: ${quotableLinked} of ${quotable} quotable sentences, ${allLinked} of ${all} in all`);
    expect(quotable).toBeGreaterThan(1000);
    expect(quotableLinked / quotable).toBeLessThanOrEqual(0.01);
    expect(allLinked / all).toBeLessThanOrEqual(0.01);
  });
});
