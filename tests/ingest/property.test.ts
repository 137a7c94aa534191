// Property tests (fast-check): random bytes, random YAML and random
// markdown-ish text (English, Chinese, headings, details pairs, speaker
// labels, summary blocks, stray HTML) never make the ingest or the check
// throw, every problem is well formed, and no paragraph is lost: every word
// of every block of the body is in the model (tests/support/lossless.ts).
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { assembleArchive, ingestFile } from "../../src/ingest/archive.ts";
import { decodeSource } from "../../src/ingest/decode.ts";
import { readFrontMatter } from "../../src/ingest/frontmatter.ts";
import type { Transcript } from "../../src/model.ts";
import { formatProblem, ProblemList } from "../../src/ingest/problems.ts";
import { normaliseText } from "../../src/ingest/normalise.ts";
import { problemReport } from "../../src/ingest/report.ts";
import { lostWords } from "../support/lossless.ts";

/** Runs per property; FC_RUNS=5000 for a longer hunt. Seeds are printed by fast-check on failure. */
const RUNS = Number(process.env.FC_RUNS ?? 300);

const encoder = new TextEncoder();

/** Ingests one file the way the check does, and asserts what must hold for any input. */
function checked(file: string, bytes: Uint8Array): Transcript {
  const t = ingestFile({ file, bytes });
  for (const p of t.problems) {
    expect(p.code, formatProblem(p)).not.toBe("internal-error");
    expect(Number.isInteger(p.line) && p.line >= 0, formatProblem(p)).toBe(true);
    expect(["error", "warning", "info"]).toContain(p.severity);
    expect(p.code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(formatProblem(p)).not.toMatch(/[\n\r\u2028\u2029]/);
  }
  // The archive step and the report as printed by `npm run check`.
  const archive = assembleArchive([t]);
  const report = problemReport(archive, "seeds");
  expect(report[report.length - 1]).toMatch(/^\d+ errors?, \d+ warnings?(?:, \d+ info)? in 1 file$/);
  return t;
}

/** Nothing lost: the body as the library splits it (after decoding and front matter) is all in the model. */
function expectNothingLost(t: Transcript, bytes: Uint8Array): void {
  const text = decodeSource(bytes, new ProblemList(t.file));
  if (text === undefined) return; // binary: not a transcript, reported as such
  const fm = readFrontMatter(normaliseText(text), new ProblemList(t.file));
  expect(lostWords(fm.body, t, fm.bodyLine)).toEqual([]);
}

// ------------------------------------------------------------ generators

const EN_WORDS = ["the", "scaling", "laws", "compute", "we", "think", "OpenAI", "GPU", "is", "going", "to", "be", "inference", "roadmap", "Let's", "start", "with", "a", "really", "big", "market", "2025", "AI", "I", "don't", "know", "right"];
const ZH_WORDS = ["我们", "认为", "扩展定律", "计算", "需求", "会", "增长", "推理", "模型", "先从", "路线图", "开始吧", "英伟达", "超大规模", "公司", "的", "是", "这个", "非常", "重要"];

const en = fc.tuple(fc.constantFrom(...EN_WORDS.filter((w) => /^[A-Za-z']+$/.test(w))), fc.array(fc.constantFrom(...EN_WORDS), { maxLength: 13 })).map(([w, ws]) => `${[w, ...ws].join(" ")}.`);
const zh = fc.array(fc.constantFrom(...ZH_WORDS), { minLength: 1, maxLength: 14 }).map((w) => `${w.join("")}。`);
const speaker = fc.constantFrom("", "", "", "Alex: ", "Alex：", "主持人：", "**主持人：**", "**Jensen Huang:** ", "Jensen Huang：", "嘉宾: ");
const clock = fc.tuple(fc.nat(80), fc.nat(59)).map(([m, s]) => (m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`));
const range = fc.oneof(
  fc.constant(""),
  fc.tuple(clock, clock).map(([a, b]) => `(${a} - ${b}) `),
  clock.map((a) => `(${a} - End) `),
);
const summaryLabel = fc.constantFrom("1. 视频开头信息", "📹 视频信息", "Video Information", "TL;DR", "TL;DR（一句话核心洞察）", "📑 章节导航表", "Chapter Navigation", "📊 核心论点", "Key Arguments", "🏢 提及的公司/产品", "💬 经典金句", "👤 主要人物", "📺 视频类型判断", "📝 完整翻译", "Full Translation", "3. 📑 章节导航表", "未知的块");
const words = fc.oneof(en, zh);

/** One markdown-ish block of a transcript. */
const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(speaker, en).map(([s, t]) => s + t) },
  { weight: 6, arbitrary: fc.tuple(speaker, zh).map(([s, t]) => s + t) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), range, words).map(([level, r, t]) => `${"#".repeat(level)} ${r}${t}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), clock, clock, fc.integer({ min: 1, max: 9 })).map(([level, a, b, n]) => `${"#".repeat(level)} (${a} - ${b}) Part ${n}`) },
  // Segment times (a line that is only a bold time range), alone or on the first line of a paragraph.
  { weight: 1, arbitrary: fc.tuple(clock, fc.oneof(clock, fc.constant("End")), fc.option(words, { nil: undefined })).map(([a, b, rest]) => `**(${a} - ${b})**${rest ? `\n${rest}` : ""}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), summaryLabel).map(([level, l]) => `${"#".repeat(level)} ${l}`) },
  { weight: 2, arbitrary: fc.tuple(zh, en, fc.constantFrom("Original English", "View Original English", "Hide Original English"), fc.boolean()).map(([z, e, label, p]) => `${z}\n\n<details>\n<summary>${label}</summary>\n${p ? `<p class="english-text">${e}</p>` : e}\n</details>`) },
  { weight: 2, arbitrary: fc.array(fc.tuple(en, zh), { minLength: 1, maxLength: 4 }).map((rows) => rows.map(([e, z]) => `Alex: ${e}\nAlex：${z}`).join("\n")) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom("频道", "发布日期", "时长", "原始链接", "Channel", "Duration", "嘉宾"), fc.oneof(words, clock, fc.constant("2025-10-06"), fc.constant("[link](https://example.com/v)"), fc.constant("javascript:alert(1)"))), { minLength: 1, maxLength: 4 }).map((rows) => rows.map(([k, v]) => `- **${k}**: ${v}`).join("\n")) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.option(fc.tuple(clock, clock), { nil: undefined }), words, words), { minLength: 0, maxLength: 4 }).map((rows) => ["| 时间 | 章节 | 概括 |", "|---|---|---|", ...rows.map(([t, a, b]) => `| ${t ? `${t[0]}-${t[1]}` : ""} | ${a} | ${b} |`)].join("\n")) },
  { weight: 1, arbitrary: fc.array(words, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`).join("\n")) },
  { weight: 1, arbitrary: fc.array(words, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join("\n")) },
  { weight: 1, arbitrary: fc.constantFrom("---", "***", "* * *", "___") },
  { weight: 1, arbitrary: words.map((t) => `\`\`\`\n${t}\n\`\`\``) },
  { weight: 1, arbitrary: fc.constantFrom("<script>window.__pwned=1</script>", "<!-- comment -->", '<div onclick="x">text in div</div>', "<details><summary>x</summary>not a pair <b>bold</b></details>", "</p></div><img src=x onerror=alert(1)>", "<details>\n<summary>Original English</summary>") },
  { weight: 1, arbitrary: fc.constantFrom("*由 AI 视频总结工具 生成*", "*Generated by the summary tool*") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("#", " ", "\t", "-", "*", ">", "|", "<", ">", "/", "`", ":", "：", "(", ")", "a", "中", "1", "\n", "[", "]", "!", "&", ";"), maxLength: 40 }) },
);

const separator = fc.constantFrom("\n\n", "\n\n", "\n\n", "\n", "\n\n\n", "\r\n\r\n", "\n  \n", "\n\t\n");

const body = fc.array(fc.tuple(block, separator), { minLength: 0, maxLength: 25 }).map((parts) => parts.map(([b, s]) => b + s).join(""));

/** Front matter values as real archives have them (and worse). */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  words,
  fc.constant(null),
  fc.constant(""),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(words, fc.string({ maxLength: 10 }), fc.constant(null)), { maxLength: 5 }),
  fc.constantFrom("2025-10-06", "2025-02-30", "October 6, 2025", "not a date", "1:16:20", "https://www.youtube.com/watch?v=x", "javascript:alert(1)"),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const fieldName = fc.oneof(
  fc.constantFrom("title", "summary", "date", "speaker", "author", "guest", "source", "tags", "people", "companies_orgs", "products_models", "media_books", "area", "category", "project", "series", "insight", "status", "draft", "layout", "slug", "duration"),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const mapping = fc.dictionary(fieldName, fieldValue, { maxKeys: 12 });

/** YAML-looking text that is mostly not valid YAML. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(":", ": ", "- ", "  ", "\t", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!js/function ", "|", ">", "'", '"', "#", "? ", ",", "---", "...", "%YAML 1.2", "title", "date", "tags", "2025-01-01", "中文", "\\", "\n", "\n", "\n", "<script>", "@", "`"),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

// -------------------------------------------------------------- properties

describe("random bytes", () => {
  it("never make the ingest or the check throw, and lose nothing they can read", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.tuple(fc.constantFrom("---\n", "\uFEFF---\r\n", "# ", ""), fc.uint8Array({ maxLength: 512 })).map(([p, b]) => new Uint8Array([...encoder.encode(p), ...b]))), (bytes) => {
        const t = checked("random.md", bytes);
        expectNothingLost(t, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it("random text (any Unicode) is never lost", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const bytes = encoder.encode(text);
        expectNothingLost(checked("text.md", bytes), bytes);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("random YAML front matter", () => {
  it("valid YAML mappings (any fields, any types) are read without a YAML error, and the body is kept", () => {
    fc.assert(
      fc.property(mapping, body, (data, text) => {
        const source = `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: 40 })}---\n\n${text}`;
        const bytes = encoder.encode(source);
        const t = checked("yaml.md", bytes);
        const codes = t.problems.map((p) => p.code);
        expect(codes).not.toContain("yaml-invalid");
        expect(codes).not.toContain("front-matter-not-mapping");
        expect(codes).not.toContain("front-matter-unclosed");
        expectNothingLost(t, bytes);
        expect(lostWords(normaliseText(text), t)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("YAML-looking junk never makes the check throw; the body after it is kept", () => {
    fc.assert(
      fc.property(yamlish, body, (junk, text) => {
        const bytes = encoder.encode(`---\n${junk}\n---\n\n${text}`);
        const t = checked("junk.md", bytes);
        expectNothingLost(t, bytes);
        expect(lostWords(normaliseText(text), t)).toEqual([]);
        for (const p of t.problems.filter((q) => q.code === "yaml-invalid")) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("random markdown-ish transcripts", () => {
  const doc = fc.tuple(fc.constantFrom("none", "front-matter", "h1", "video"), body).map(([kind, text]) => {
    if (kind === "front-matter") return "---\ntitle: A transcript\ndate: 2025-10-06\nduration: '30:00'\n---\n\n" + text;
    if (kind === "h1") return "# A title\n\n" + text;
    if (kind === "video") return "# Video title\n\n## 📹 视频信息\n\n- **时长**: 20:00\n\n## 📝 完整翻译\n\n" + text;
    return text;
  });

  it("keeps a `####` heading under a level-1 label, with or without a time range (cases it once found)", () => {
    for (const source of ["# 📹 视频信息\n\n#### (0:00 - 0:00) 公司我们。\n\n", "# 📹 视频信息\n\n#### 公司我们。\n\n"]) {
      const bytes = encoder.encode(source);
      expectNothingLost(checked("doc.md", bytes), bytes);
    }
  });

  it("never make the ingest or the check throw, and never lose a paragraph", () => {
    fc.assert(
      fc.property(doc, (source) => {
        const bytes = encoder.encode(source);
        expectNothingLost(checked("doc.md", bytes), bytes);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("English and Chinese paragraphs in alternation become pairs, in order, text unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(en, zh), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, zhFirst) => {
        const text = rows.map(([e, z]) => (zhFirst ? `${z}\n\n${e}` : `${e}\n\n${z}`)).join("\n\n");
        const t = checked("pairs.md", encoder.encode(`---\ntitle: Pairs\n---\n\n${text}\n`));
        const pairs = t.sections.flatMap((s) => s.pairs);
        expect(pairs.map((p) => [p.kind, p.en?.text, p.zh?.text])).toEqual(rows.map(([e, z]) => ["pair", e, z]));
        expect(t.problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the conservation check itself", () => {
  it("notices a lost paragraph, a lost repeat, and a lost heading", () => {
    const source = "---\ntitle: T\n---\n\n### Heading words\n\nSame words.\n\n同样的话。\n\nSame words.\n\n同样的话。\n";
    const bytes = encoder.encode(source);
    const t = checked("self.md", bytes);
    expectNothingLost(t, bytes);
    const body = source.slice(source.indexOf("###"));
    const dropPair: Transcript = { ...t, sections: t.sections.map((s) => ({ ...s, pairs: s.pairs.slice(1) })) };
    expect(lostWords(body, dropPair).map((l) => l.word).sort()).toEqual(["Same", "words", "同样的话"]);
    const dropHeading: Transcript = { ...t, sections: t.sections.map((s) => ({ ...s, heading: "" })) };
    expect(lostWords(body, dropHeading)).toEqual([{ word: "Heading", expected: 1, found: 0 }, { word: "words", expected: 3, found: 2 }]);
  });
});
