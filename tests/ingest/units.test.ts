// The small pure pieces: time codes, speaker labels, language, slugs, dates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDate, parseDuration } from "../../src/ingest/frontmatter.ts";
import { detectLanguage } from "../../src/ingest/language.ts";
import { SLUG_MAX, slugFor } from "../../src/ingest/slug.ts";
import { splitSpeaker } from "../../src/ingest/speaker.ts";
import { formatClock, isChunkMarker, parseRange, splitHeadingTime, videoAt } from "../../src/ingest/timecode.ts";

describe("time codes", () => {
  it("parses ranges with minutes, hours and End", () => {
    expect(splitHeadingTime("(0:00 - 8:18) 2025年AI进展回顾")).toEqual({ title: "2025年AI进展回顾", time: { start: 0, end: 498, label: "0:00 – 8:18" } });
    expect(splitHeadingTime("(1:04:00 - 1:12:00) Late")).toMatchObject({ time: { start: 3840, end: 4320 } });
    expect(splitHeadingTime("(1:15:00 - End) Part 6").time).toMatchObject({ start: 4500, end: undefined });
    expect(splitHeadingTime("（8:18 – 15:24）全角")).toMatchObject({ title: "全角", time: { start: 498, end: 924 } });
    expect(parseRange("00:00-08:18")).toMatchObject({ start: 0, end: 498 });
    expect(parseRange("8:61")).toBeUndefined();
    expect(splitHeadingTime("No time here")).toEqual({ title: "No time here" });
  });
  it("knows chunk markers from chapters", () => {
    expect(isChunkMarker("Part 2")).toBe(true);
    expect(isChunkMarker("第3部分")).toBe(true);
    expect(isChunkMarker("Part of the story")).toBe(false);
  });
  it("formats and links times", () => {
    expect(formatClock(498)).toBe("8:18");
    expect(formatClock(3881)).toBe("1:04:41");
    expect(videoAt("https://www.youtube.com/watch?v=k-xtmISBCNE", 498)).toBe("https://www.youtube.com/watch?v=k-xtmISBCNE&t=498");
    expect(videoAt("javascript:alert(1)", 5)).toBeUndefined();
  });
});

describe("speaker labels", () => {
  it.each([
    ["Alex: Shall we start?", "Alex", "Shall we start?"],
    ["Jensen Huang：让我想想。", "Jensen Huang", "让我想想。"],
    ["**主持人：** 欢迎。", "主持人", "欢迎。"],
    ["**Jensen Huang:** Hello.", "Jensen Huang", "Hello."],
    ["**主持人**：你好。", "主持人", "你好。"],
    ["主持人：你好。", "主持人", "你好。"],
  ])("%s", (text, speaker, rest) => {
    expect(splitSpeaker(text)).toEqual({ speaker, rest });
  });
  it.each(["我的意思是：这很重要。", "Note: this is not a speaker.", "The answer is: yes, and more.", "https://example.com is a link"])("no label in %s", (text) => {
    expect(splitSpeaker(text)).toEqual({ rest: text });
  });
});

describe("language", () => {
  it("weighs Han characters against Latin letters", () => {
    expect(detectLanguage("I think OpenAI will be big.")).toBe("en");
    expect(detectLanguage("我认为OpenAI很可能会成为下一个万亿美元级的超大规模公司。")).toBe("zh");
    expect(detectLanguage("OpenAI 投资")).toBe("zh");
    expect(detectLanguage("Larry Page（拉里·佩奇）said that the end state of Google is prediction.")).toBe("en");
    expect(detectLanguage("12:30 — …")).toBe("none");
  });

  // The definition by character classes, which the one-pass counter must agree with.
  const byRegex = (text: string) => {
    const han = text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]/gu)?.length ?? 0;
    const latin = text.match(/[A-Za-z\u00c0-\u024f]/g)?.length ?? 0;
    return han === 0 && latin === 0 ? "none" : han * 3 >= latin ? "zh" : "en";
  };
  it("counts as the character classes do: astral Han (𠀀, U+20000), edges of each range, lone surrogates", () => {
    const samples = ["𠀀𠀁 ab", "𠀀 abcd", "\u{2ebef}\u{2ebf0}xyz", "\u3400\u4dbf\u4e00\u9fff\uf900\ufaff", "ÀÿĀɏ ɐ", "@[`{", "a\ud840", "\udc00𠀀b", "×÷", "乙" + "x".repeat(3), "乙" + "x".repeat(4)];
    for (const text of samples) expect(detectLanguage(text), text).toBe(byRegex(text));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Z", "é", "ɏ", "中", "𠀀", "\ud840", "\udc00", " ", "，", "1", "ー") }), (text) => detectLanguage(text) === byRegex(text)),
      { numRuns: 500 },
    );
  });
});

describe("slugs", () => {
  it("derives stable ASCII slugs", () => {
    expect(slugFor("000_3b6afdfa3ea1ef5a.txt")).toBe("000-3b6afdfa3ea1ef5a");
    expect(slugFor("sub/My Talk (2024).md")).toBe("my-talk-2024");
    expect(slugFor("x.md", "/talks/custom-slug/")).toBe("custom-slug");
    expect(slugFor("访谈.md")).toMatch(/^t-[0-9a-f]{10}$/);
    expect(slugFor("访谈.md")).toBe(slugFor("访谈.md"));
  });
  it("joins lowercase words with '-' (no underscores), and cuts a long one between words", () => {
    const file = "Robots’_Road_to_General_Purpose_Autonomy_with_the_Founder_and_CEO_of_Example_translate.md";
    expect(slugFor(file)).toBe("robots-road-to-general-purpose-autonomy-with-the-founder-and-ceo-of-example");
    expect(slugFor("OpenAI’s DevDay: Café & Co.txt")).toBe("openais-devday-cafe-and-co");
    expect(slugFor("a__b--c  d.md")).toBe("a-b-c-d");
    // A `slug` field wins over the file name, and is made a slug the same way.
    expect(slugFor(file, "My_Custom Slug")).toBe("my-custom-slug");
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const s = slugFor(`${name}.md`);
        expect(s).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|t-[0-9a-f]{10})$/);
        expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
      }),
    );
    // Cut at a word boundary: every word of the slug is a whole word of the name.
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join("_");
    const cut = slugFor(`${long}.md`);
    expect(cut.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(`${long.replace(/_/g, "-")}-`.startsWith(`${cut}-`)).toBe(true);
  });
});

describe("dates and durations", () => {
  it("accepts common forms and rejects impossible dates", () => {
    expect(parseDate("2025-10-06")).toBe("2025-10-06");
    expect(parseDate("2025/1/6")).toBe("2025-01-06");
    expect(parseDate("2025年10月6日")).toBe("2025-10-06");
    expect(parseDate("October 6, 2025")).toBe("2025-10-06");
    expect(parseDate("2025-13-45")).toBeUndefined();
    expect(parseDate("2025-02-30")).toBeUndefined();
    expect(parseDate("soon")).toBeUndefined();
    expect(parseDuration("1:16:20")).toBe(4580);
    expect(parseDuration("76 min")).toBe(4560);
  });
});
