// The search records (src/search-records.ts): strings and Transcripts in, records out.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive.ts";
import { ingest } from "../src/ingest.ts";
import type { Transcript } from "../src/model.ts";
import {
  PAIR_MARK,
  SIDE_MARK,
  SPACE_MARK,
  archiveRecords,
  htmlToText,
  joinTokens,
  pairTokens,
  recordHtml,
  parsePassage,
  searchFacets,
  sideText,
  speakersOf,
  tokenizeChinese,
  tokenizeEnglish,
  transcriptRecords,
} from "../src/search-records.ts";

const seedsDir = fileURLToPath(new URL("../seeds/", import.meta.url));
const seeds = buildArchive(
  readdirSync(seedsDir)
    .filter((n) => /\.(md|txt)$/i.test(n))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(seedsDir, file)) })),
).transcripts;
const pairsSeed = seeds.find((t) => t.shape === "front-matter")!;
const videoSeed = seeds.find((t) => t.shape === "video-summary")!;

const small = (): Transcript =>
  ingest(
    "2024/small_talk.md",
    [
      "---",
      "title: A small talk",
      "date: 2024-05-01",
      "speaker: Alex",
      "channel: Some Pod",
      "tags: [ai, 扩展定律, ai]",
      "---",
      "### First",
      "",
      "We now have three *scaling laws*, right?",
      "",
      "我们现在有三个扩展定律，对吧？",
      "",
      "### Second",
      "",
      "OpenAI is likely the next hyperscale company.",
      "",
      "OpenAI很可能成为下一个超大规模公司。",
      "",
    ].join("\n"),
  );

describe("marks", () => {
  it("are not letters, digits or emoji: Pagefind indexes no word for them, but counts a position", () => {
    for (const mark of [PAIR_MARK, SIDE_MARK, SPACE_MARK]) {
      expect(mark).toHaveLength(1);
      expect(/[\p{L}\p{N}\p{M}]/u.test(mark)).toBe(false);
      expect(/\p{Emoji}/u.test(mark)).toBe(false);
      expect(/\s/.test(mark)).toBe(false);
      expect(/[!-/:-@[-`{-~]/.test(mark), "not ASCII punctuation (Pagefind splits compounds there)").toBe(false);
    }
  });

  it("never come from the text itself", () => {
    expect(tokenizeEnglish(`a ${PAIR_MARK} b${SIDE_MARK}`)).toEqual(["a", "b"]);
    expect(tokenizeChinese(`扩展${SPACE_MARK}定律${PAIR_MARK}`)).toEqual(["扩展", "定律"]);
    expect(htmlToText(`x${PAIR_MARK}y`)).toBe("xy");
  });
});

describe("htmlToText", () => {
  it("gives the text a reader sees", () => {
    expect(htmlToText("<em>scaling</em> &amp; <a href='x'>laws</a><br>next")).toBe("scaling & laws next");
    expect(htmlToText("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<script>alert(1)</script>");
    expect(htmlToText("<p>one</p>\n<p>two</p>")).toBe("one two");
  });
});

describe("tokenizeChinese", () => {
  it("segments Han runs into words with ICU, as the browser segments a query", () => {
    expect(tokenizeChinese("扩展定律")).toEqual(["扩展", "定律"]);
    const seg = new Intl.Segmenter("zh", { granularity: "word" });
    const query = [...seg.segment("超大规模")].map((s) => s.segment);
    const tokens = tokenizeChinese("成为下一个超大规模公司");
    for (const word of query) expect(tokens).toContain(word);
  });

  it("keeps Latin words whole and puts punctuation in tokens of its own", () => {
    expect(tokenizeChinese("我认为OpenAI很可能，GPT-4和U.S.不同。")).toEqual(
      expect.arrayContaining(["OpenAI", "，", "GPT-4", "U.S", "。"]),
    );
    expect(tokenizeChinese("“AI”")).toEqual(["“", "AI", "”"]);
  });

  it("marks the spaces of the text, so joining gives the text back exactly", () => {
    const text = "推理 token 的生成速度增长如此之快，Grace Blackwell 看起来与以往不同。";
    const tokens = tokenizeChinese(text);
    expect(tokens).toContain(SPACE_MARK);
    expect(joinTokens(tokens, "zh")).toBe(text);
  });

  it("gives every Chinese paragraph of the seeds back exactly", () => {
    let checked = 0;
    for (const t of seeds)
      for (const s of t.sections)
        for (const p of s.pairs) {
          if (!p.zh) continue;
          const text = sideText(p.zh);
          expect(joinTokens(tokenizeChinese(text), "zh")).toBe(text);
          checked++;
        }
    expect(checked).toBeGreaterThan(150);
  });
});

describe("tokenizeEnglish", () => {
  it("splits on whitespace, as Pagefind does", () => {
    expect(tokenizeEnglish("  three  scaling\nlaws, right? ")).toEqual(["three", "scaling", "laws,", "right?"]);
    expect(joinTokens(tokenizeEnglish("three scaling laws, right?"), "en")).toBe("three scaling laws, right?");
  });
});

describe("transcriptRecords", () => {
  it("makes passages of pairs, both languages, linked to the first pair", () => {
    const t = small();
    const records = transcriptRecords(t);
    expect(records).toHaveLength(1);
    const [r] = records;
    expect(r!.url).toBe(`/t/${t.slug}/#p-1`);
    expect(r!.language).toBe("en");
    expect(r!.meta).toEqual({ title: "A small talk", date: "2024-05-01", who: "Alex", page: `/t/${t.slug}/`, pairs: "p-1 p-2" });
    expect(r!.content.split(" ")[0]).toBe(PAIR_MARK);
    const zh = tokenizeChinese("我们现在有三个扩展定律，对吧？");
    expect(zh).toEqual(expect.arrayContaining(["扩展", "定律", "，", "？"]));
    expect(r!.content.startsWith(`${PAIR_MARK} We now have three scaling laws, right? ${SIDE_MARK} ${zh.join(" ")} ${PAIR_MARK} OpenAI`)).toBe(true);
    expect(r!.content).not.toContain("  ");
  });

  it("carries the filters: interview (slug), speaker and channel, tags (once), year, languages", () => {
    const [r] = transcriptRecords(small());
    expect(r!.filters).toEqual({
      interview: [small().slug],
      speaker: ["Alex", "Some Pod"],
      tag: ["ai", "扩展定律"],
      year: ["2024"],
      language: ["en", "zh"],
    });
  });

  it("starts a new passage when one is full, and never splits a pair", () => {
    const records = transcriptRecords(pairsSeed, { maxTokens: 1 });
    const pairs = pairsSeed.sections.flatMap((s) => s.pairs);
    expect(records).toHaveLength(pairs.length);
    for (const r of records) expect(r.meta.pairs.split(" ")).toHaveLength(1);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });

  it("keeps every pair once, in page order, and each side reads back as the page shows it", () => {
    for (const t of seeds) {
      const records = transcriptRecords(t);
      const ids = records.flatMap((r) => r.meta.pairs.split(" "));
      const pairs = t.sections.flatMap((s) => s.pairs).filter((p) => pairTokens(p));
      expect(ids).toEqual(pairs.map((p) => p.id));
      const byId = new Map(pairs.map((p) => [p.id, p]));
      for (const r of records) {
        const parsed = parsePassage(r.content, r.meta.pairs);
        expect(parsed.map((p) => p.id)).toEqual(r.meta.pairs.split(" "));
        for (const p of parsed) {
          const pair = byId.get(p.id)!;
          if (pair.en) expect(joinTokens(p.en.tokens, "en")).toBe(sideText(pair.en));
          else expect(p.en.tokens).toEqual([]);
          if (pair.zh) expect(joinTokens(p.zh.tokens, "zh")).toBe(sideText(pair.zh));
          else expect(p.zh.tokens).toEqual([]);
          // Word positions: the token at a side's start position is its first token.
          const words = r.content.split(" ");
          if (p.en.tokens.length) expect(words[p.en.start]).toBe(p.en.tokens[0]);
          if (p.zh.tokens.length) expect(words[p.zh.start]).toBe(p.zh.tokens[0]);
        }
      }
    }
  });

  it("indexes the transcript text only: not summaries, tables of contents or footers", () => {
    const content = transcriptRecords(videoSeed).map((r) => r.content.replaceAll(" ", "")).join("");
    expect(videoSeed.summary?.tldr).toBeTruthy();
    const tldr = videoSeed.summary!.tldr!.slice(0, 20).replace(/\s/g, "");
    expect(content).not.toContain(tldr);
    for (const s of videoSeed.sections) if (s.heading) expect(content).not.toContain(s.heading.replace(/\s/g, "").slice(0, 12) + "Part");
    for (const line of videoSeed.summary!.footer) expect(content).not.toContain(htmlToText(line).replace(/\s/g, ""));
  });

  it("puts a Chinese-only transcript's text on the Chinese side", () => {
    const records = transcriptRecords(videoSeed);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.filters.language).toEqual(["zh"]);
      for (const p of parsePassage(r.content, r.meta.pairs)) expect(p.en.tokens).toEqual([]);
    }
    expect(records.some((r) => r.content.includes("扩展 定律"))).toBe(true);
  });

  it("sorts text rows the parser did not understand by their language", () => {
    const t = ingest("bare.txt", "Just an English paragraph with no translation.\n\n只有一段中文。\n");
    const records = transcriptRecords(t);
    const parsed = records.flatMap((r) => parsePassage(r.content, r.meta.pairs));
    const en = parsed.filter((p) => p.en.tokens.length).map((p) => joinTokens(p.en.tokens, "en"));
    const zh = parsed.filter((p) => p.zh.tokens.length).map((p) => joinTokens(p.zh.tokens, "zh"));
    expect(en.join(" ")).toContain("Just an English paragraph");
    expect(zh.join("")).toContain("只有一段中文。");
  });

  it("gives a transcript without pairs no record, and HTML in text stays text", () => {
    expect(transcriptRecords({ ...small(), sections: [] })).toEqual([]);
    const t = ingest("x.md", "---\ntitle: X\n---\n<script>alert(1)</script> is shown.\n\n<script>alert(1)</script> 显示为文本。\n");
    const content = archiveRecords([t]).map((r) => r.content).join(" ");
    expect(content).toContain("<script>alert(1)</script>");
  });
});

describe("archiveRecords", () => {
  it("covers the seeds in a few hundred tokens per passage", () => {
    const records = archiveRecords(seeds);
    const pairs = seeds.flatMap((t) => t.sections.flatMap((s) => s.pairs));
    expect(records.length).toBeGreaterThan(10);
    expect(records.length).toBeLessThan(pairs.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });
});

describe("facets", () => {
  it("lists interviews, speakers, tags and years, from the same model as the records", () => {
    const f = searchFacets([small(), ...seeds]);
    expect(f.interview.map((x) => x.value)).toEqual([small().slug, ...seeds.map((t) => t.slug)]);
    expect(f.speaker.map((x) => x.value)).toEqual(expect.arrayContaining(["Alex", "Some Pod", "Bg2 Pod"]));
    expect(f.tag.find((x) => x.value === "ai")?.count).toBe(1);
    expect(f.year.map((x) => x.value)).toEqual([...new Set(f.year.map((x) => x.value))].sort().reverse());
    for (const t of seeds) for (const s of speakersOf(t.meta)) expect(f.speaker.map((x) => x.value)).toContain(s);
  });
});

describe("recordHtml", () => {
  it("is a page whose only text is the record's content, with meta and filters as <meta> tags", () => {
    const [record] = transcriptRecords(small());
    const hostile = { ...record!, content: `${record!.content} <script>x</script> & "q"`, meta: { ...record!.meta, title: `A "talk" <b>&</b>` } };
    const root = parse(recordHtml(hostile));
    expect(root.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(root.querySelector("body")!.text).toBe(hostile.content);
    expect(root.querySelectorAll("script")).toHaveLength(0);
    const meta = Object.fromEntries(root.querySelectorAll("meta[data-pagefind-meta]").map((m) => [m.getAttribute("data-pagefind-meta"), m.getAttribute("content")]));
    expect(meta).toEqual({ "title[content]": `A "talk" <b>&</b>`, "page[content]": "/t/small_talk/", "pairs[content]": record!.meta.pairs, "date[content]": "2024-05-01", "who[content]": "Alex" });
    const filters = root.querySelectorAll("meta[data-pagefind-filter]").map((m) => `${m.getAttribute("data-pagefind-filter")}=${m.getAttribute("content")}`);
    expect(filters).toEqual(["interview[content]=small_talk", "speaker[content]=Alex", "speaker[content]=Some Pod", "tag[content]=ai", "tag[content]=扩展定律", "year[content]=2024", "language[content]=en", "language[content]=zh"]);
  });
});
