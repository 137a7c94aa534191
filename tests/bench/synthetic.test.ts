import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import {
  ENCODINGS,
  generateArchive,
  mulberry32,
  type Encoding,
  type SeedText,
  type SyntheticItem,
} from "../../scripts/bench/synthetic.ts";

const seedsDir = fileURLToPath(new URL("../../seeds", import.meta.url));
const seedTexts: SeedText[] = readdirSync(seedsDir)
  .filter((n) => /\.(md|txt)$/i.test(n))
  .sort()
  .map((n) => ({ name: n, text: readFileSync(join(seedsDir, n), "utf8") }));

const ALL: readonly Encoding[] = [
  "paragraph-pairs",
  "line-pairs",
  "details",
  "single-zh",
  "single-en",
  "video-summary",
  "bare",
];

const CJK = /[\u3400-\u9fff]/;

/** Body of a front-matter document, split into blank-line separated blocks. */
function bodyBlocks(item: SyntheticItem): string[] {
  const text = item.hasFrontMatter ? item.text.slice(item.text.indexOf("\n---\n", 3) + 5) : item.text;
  return text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

describe("generateArchive", () => {
  // One shared small archive for the structural checks (fast: ~20 KB per item).
  const small = generateArchive({ count: 42, seedTexts, rng: 7, avgBytes: 20_000 });

  it("has real seeds to harvest", () => {
    expect(seedTexts.length).toBeGreaterThan(0);
  });

  it("is deterministic: same options, byte-identical output", () => {
    const a = generateArchive({ count: 14, seedTexts, rng: 3, avgBytes: 30_000 });
    const b = generateArchive({ count: 14, seedTexts: seedTexts.map((s) => ({ ...s })), rng: 3, avgBytes: 30_000 });
    expect(b).toEqual(a);
    expect(b.map((i) => i.text).join("\u0000")).toBe(a.map((i) => i.text).join("\u0000"));
  });

  it("gives different output for a different seed", () => {
    const a = generateArchive({ count: 7, seedTexts, rng: 1, avgBytes: 20_000 });
    const b = generateArchive({ count: 7, seedTexts, rng: 2, avgBytes: 20_000 });
    expect(b.map((i) => i.name)).not.toEqual(a.map((i) => i.name));
    for (let i = 0; i < a.length; i++) expect(b[i]!.text).not.toBe(a[i]!.text);
  });

  it("defaults the seed to 1", () => {
    const a = generateArchive({ count: 3, seedTexts, avgBytes: 10_000 });
    const b = generateArchive({ count: 3, seedTexts, rng: 1, avgBytes: 10_000 });
    expect(a).toEqual(b);
  });

  it("item i does not depend on count; `start` continues the archive", () => {
    const ten = generateArchive({ count: 10, seedTexts, rng: 5, avgBytes: 10_000 });
    const five = generateArchive({ count: 5, seedTexts, rng: 5, avgBytes: 10_000 });
    const rest = generateArchive({ count: 5, start: 5, seedTexts, rng: 5, avgBytes: 10_000 });
    expect(five).toEqual(ten.slice(0, 5));
    expect(rest).toEqual(ten.slice(5));
  });

  it("honours count", () => {
    expect(generateArchive({ count: 0, seedTexts })).toEqual([]);
    expect(generateArchive({ count: 1, seedTexts, avgBytes: 5_000 })).toHaveLength(1);
    expect(small).toHaveLength(42);
  });

  it("has every encoding in a run of 20", () => {
    const run = generateArchive({ count: 20, seedTexts, rng: 11, avgBytes: 8_000 });
    const seen = new Set(run.map((i) => i.encoding));
    for (const e of ALL) expect(seen, e).toContain(e);
    expect([...ENCODINGS].sort()).toEqual([...ALL].sort());
  });

  it("names files NNNN_<hex>.txt|md, all unique", () => {
    const names = small.map((i) => i.name);
    for (const n of names) expect(n).toMatch(/^\d{4}_[0-9a-f]{16}\.(txt|md)$/);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names.map((n) => n.slice(-3))).size).toBe(2); // both extensions occur
  });

  it("keeps sizes near avgBytes on average (default 150 KB, count 50)", () => {
    const items = generateArchive({ count: 50, seedTexts, rng: 9 });
    const avg = items.reduce((s, i) => s + i.bytes, 0) / items.length;
    expect(avg).toBeGreaterThan(150_000 * 0.7);
    expect(avg).toBeLessThan(150_000 * 1.3);
    // Sizes vary: not all the same.
    const sizes = items.map((i) => i.bytes);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(1.5);
  });

  it("keeps sizes near a custom avgBytes", () => {
    const avg = small.reduce((s, i) => s + i.bytes, 0) / small.length;
    expect(avg).toBeGreaterThan(20_000 * 0.7);
    expect(avg).toBeLessThan(20_000 * 1.3);
  });

  it("reports bytes as the UTF-8 length of the text", () => {
    for (const i of small) expect(i.bytes).toBe(Buffer.byteLength(i.text, "utf8"));
  });

  it("writes valid YAML front matter with the 000_… field set", () => {
    const items = generateArchive({ count: 70, seedTexts, rng: 13, avgBytes: 3_000 });
    let withFm = 0;
    for (const item of [...items, ...small]) {
      if (!item.hasFrontMatter) {
        expect(item.text.startsWith("---"), item.name).toBe(false);
        continue;
      }
      withFm++;
      expect(item.text.startsWith("---\n"), item.name).toBe(true);
      let data: Record<string, unknown> = {};
      expect(() => {
        // A fresh options object bypasses gray-matter's cache.
        data = matter(item.text, {}).data as Record<string, unknown>;
      }, item.name).not.toThrow();
      expect(data.title, item.name).toBe(item.title);
      expect(data.draft).toBe(true);
      expect(data.layout).toBe("post.njk");
      expect(data.speaker).toEqual(expect.any(String));
      const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
      expect(date).toMatch(/^20(19|2[0-6])-\d\d-\d\d$/);
      for (const k of Object.keys(data)) {
        expect([
          "title", "summary", "date", "speaker", "author", "guest", "source", "tags", "people",
          "companies_orgs", "products_models", "media_books", "area", "category", "project", "series",
          "insight", "status", "draft", "layout",
        ]).toContain(k);
      }
    }
    expect(withFm).toBeGreaterThan(40);
  });

  it("never writes 'undefined' or 'NaN'", () => {
    const items = generateArchive({ count: 35, seedTexts, rng: 17, avgBytes: 40_000 });
    for (const i of [...items, ...small]) {
      expect(i.text.includes("undefined"), i.name).toBe(false);
      expect(i.text.includes("NaN"), i.name).toBe(false);
      expect(i.title.includes("undefined")).toBe(false);
    }
  });

  it("paragraph pairs: heading sections of EN/ZH paragraphs, sometimes Chinese first", () => {
    const items = generateArchive({ count: 7 * 12, seedTexts, rng: 21, avgBytes: 6_000 }).filter(
      (i) => i.encoding === "paragraph-pairs",
    );
    expect(new Set(items.map((i) => i.variant))).toEqual(new Set(["en-first", "zh-first"]));
    for (const item of items) {
      const blocks = bodyBlocks(item);
      const headings = blocks.filter((b) => b.startsWith("### "));
      const paras = blocks.filter((b) => !b.startsWith("### "));
      expect(headings.length).toBe(item.sections);
      expect(paras.length).toBe(2 * item.pairs);
      for (let k = 0; k < paras.length; k += 2) {
        const [first, second] = [paras[k]!, paras[k + 1]!];
        const [en, zh] = item.variant === "zh-first" ? [second, first] : [first, second];
        expect(CJK.test(en), en.slice(0, 80)).toBe(false);
        expect(CJK.test(zh), zh.slice(0, 80)).toBe(true);
      }
    }
  });

  it("line pairs: an English line then its Chinese line, with speaker labels", () => {
    const items = small.filter((i) => i.encoding === "line-pairs");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const lines = bodyBlocks(item)
        .filter((b) => !b.startsWith("### "))
        .flatMap((b) => b.split("\n"));
      expect(lines.length).toBe(2 * item.pairs);
      for (let k = 0; k < lines.length; k += 2) {
        expect(CJK.test(lines[k]!.replace(/^\*\*Host:\*\* /, "")), lines[k]).toBe(false);
        expect(CJK.test(lines[k + 1]!)).toBe(true);
      }
    }
    const all = generateArchive({ count: 7 * 10, seedTexts, rng: 2, avgBytes: 4_000 })
      .filter((i) => i.encoding === "line-pairs")
      .map((i) => i.text)
      .join("\n");
    expect(all).toMatch(/^[A-Z][\p{L} .'-]+: .+\n[A-Z][\p{L} .'-]+：/mu);
    expect(all).toContain("**主持人：**");
  });

  it("details pairs: Chinese paragraph then <details> with the English", () => {
    const items = generateArchive({ count: 7 * 12, seedTexts, rng: 4, avgBytes: 5_000 }).filter(
      (i) => i.encoding === "details",
    );
    const texts = items.map((i) => i.text).join("\n");
    expect(texts).toContain('<p class="english-text">');
    expect(texts).toMatch(/<summary>[^<]+<\/summary>\n(?!<p)[A-Z"]/); // some without <p>
    expect(new Set([...texts.matchAll(/<summary>([^<]+)<\/summary>/g)].map((m) => m[1])).size).toBeGreaterThan(1);
    for (const item of items) {
      expect(item.text.split("<details>").length - 1).toBe(item.pairs);
      expect(item.text.split("</details>").length - 1).toBe(item.pairs);
      expect(item.text).not.toMatch(/<(?!\/?(details|summary|p)\b)[a-z]/i); // no other HTML
    }
  });

  it("single-language files have one language only", () => {
    for (const item of small) {
      if (item.encoding !== "single-en" && item.encoding !== "single-zh") continue;
      expect(item.pairs).toBe(0);
      const paras = bodyBlocks(item).filter((b) => !b.startsWith("### "));
      expect(paras.length).toBe(item.rows);
      for (const p of paras) expect(CJK.test(p), p.slice(0, 60)).toBe(item.encoding === "single-zh");
    }
  });

  it("video summaries are shaped like 003_…", () => {
    const items = generateArchive({ count: 7 * 8, seedTexts, rng: 8, avgBytes: 60_000 }).filter(
      (i) => i.encoding === "video-summary",
    );
    expect(items.length).toBe(8);
    for (const item of items) {
      const t = item.text;
      expect(item.hasFrontMatter).toBe(false);
      expect(t.startsWith(`# ${item.title}\n`)).toBe(true);
      const zh = !item.variant.endsWith("C");
      for (const label of zh
        ? ["视频信息", "TL;DR", "章节导航表", "核心论点", "经典金句", "主要人物", "完整翻译", "**频道**", "**发布日期**", "**时长**", "**原始链接**"]
        : ["Video Information", "TL;DR", "Chapter Navigation", "Key Arguments", "Classic Quotes", "Full Translation"]) {
        expect(t, `${item.name} ${label}`).toContain(label);
      }
      expect(t).toMatch(/\n\*由 .+ 生成\*\n$/);
      const chapters = [...t.matchAll(/^#{3,4} \((\d+(?::\d\d){1,2}) - (\d+(?::\d\d){1,2})\) (?!Part \d+$)(.+)$/gm)];
      expect(chapters.length).toBe(item.sections);
      const markers = [...t.matchAll(/^#{3,4} \([\d:]+ - (?:[\d:]+|End)\) Part \d+$/gm)];
      expect(markers.length).toBe(item.chunkMarkers);
      // Chapter table rows match the chapters.
      const rows = [...t.matchAll(/^\| (\d\d:\d\d|\d+:\d\d:\d\d)-(\d\d:\d\d|\d+:\d\d:\d\d) \|/gm)];
      expect(rows.length).toBe(item.sections);
      expect(t).toMatch(/^> .+$/m);
    }
    // Long ones are cut into 15-minute chunks, numbered from Part 2, with a final "End".
    const all = items.map((i) => i.text).join("\n");
    expect(all).toContain("(15:00 - 30:00) Part 2");
    expect(all).toMatch(/ - End\) Part \d+\n/);
    expect(all).toMatch(/^(\*\*主持人：\*\*|\*\*Host：\*\*)/m);
    expect(all).toMatch(/\(\d:\d\d:\d\d - \d:\d\d:\d\d\)/); // hour-long time ranges
  });

  it("bare text: no front matter, no H1, EN/ZH paragraphs", () => {
    const items = small.filter((i) => i.encoding === "bare");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.text).not.toMatch(/^#/m);
      expect(item.text.startsWith("---")).toBe(false);
      expect(item.title).toBe("");
      expect(bodyBlocks(item).length).toBe(2 * item.pairs);
    }
  });

  it("varies paragraph lengths, with some paragraphs over 5,000 characters", () => {
    const items = generateArchive({ count: 21, seedTexts, rng: 1 });
    const lengths = items.flatMap((i) => i.text.split("\n").map((l) => l.length)).filter((l) => l > 0);
    expect(lengths.filter((l) => l > 5000).length).toBeGreaterThan(0);
    expect(lengths.filter((l) => l < 200).length).toBeGreaterThan(100);
  });

  it("varies metadata: dates across 2019–2026, many speakers and tags", () => {
    const items = generateArchive({ count: 140, seedTexts, rng: 31, avgBytes: 2_000 }).filter((i) => i.hasFrontMatter);
    const years = new Set<number>();
    const speakers = new Set<string>();
    const tags = new Set<string>();
    for (const i of items) {
      const d = matter(i.text, {}).data as Record<string, unknown>;
      const date = d.date instanceof Date ? d.date.toISOString() : String(d.date);
      years.add(Number(date.slice(0, 4)));
      speakers.add(String(d.speaker));
      for (const t of Array.isArray(d.tags) ? d.tags : [d.tags]) tags.add(String(t));
    }
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2019);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
    expect(years.size).toBeGreaterThanOrEqual(6);
    expect(speakers.size).toBeGreaterThan(20);
    expect(tags.size).toBeGreaterThan(30);
  });

  it("works without seeds (built-in fallback text)", () => {
    const items = generateArchive({ count: 7, seedTexts: [], avgBytes: 3_000 });
    expect(new Set(items.map((i) => i.encoding)).size).toBe(7);
    for (const i of items) expect(i.text.length).toBeGreaterThan(500);
  });
});

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
