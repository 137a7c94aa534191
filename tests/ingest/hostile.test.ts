// The hostile corpus (tests/fixtures/hostile/, one bad or hostile input per
// file): each file's exact problems (line, severity, code), nothing lost from
// any file that can be read, and nothing in any of them that renders as live
// markup. File names that carry payloads are made at run time in a temp dir.
// The pages built from the corpus are checked in Chromium by
// tests/browser/hostile.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile, type Archive } from "../../src/ingest/archive.ts";
import { decodeSource } from "../../src/ingest/decode.ts";
import { readFrontMatter } from "../../src/ingest/frontmatter.ts";
import { loadArchive } from "../../src/ingest/load.ts";
import { renderBlock, renderInline } from "../../src/site/markdown.ts";
import type { Problem, Severity, Transcript } from "../../src/model.ts";
import { formatProblem, ProblemList } from "../../src/ingest/problems.ts";
import { normaliseText } from "../../src/ingest/normalise.ts";
import { lostWords } from "../support/lossless.ts";

export const HOSTILE_DIR = resolve(import.meta.dirname, "../fixtures/hostile");

type Expected = [line: number, severity: Severity, code: string];

/** Every file of the corpus and exactly the problems it must produce, in report order. */
const EXPECTED: Record<string, Expected[]> = {
  // A YAML alias bomb: nothing expands; the nested lists are refused once.
  "alias-bomb.md": [[4, "warning", "unknown-field"], [5, "warning", "unknown-field"], [6, "warning", "unknown-field"], [7, "warning", "unknown-field"], [8, "warning", "unknown-field"], [9, "warning", "unknown-field"], [10, "warning", "unknown-field"], [11, "warning", "field-type"]],
  // A list that contains itself (`&loop [a, *loop]`): no endless recursion.
  "alias-cycle.md": [[2, "warning", "field-type"]],
  // Template syntax and tag breakouts in a file with no front matter.
  "bare-hostile.md": [[1, "warning", "title-from-filename"], [5, "warning", "unrecognised-block"], [7, "warning", "unrecognised-block"]],
  "binary.txt": [[3, "error", "binary-file"]],
  // Tolerated without a word: BOM, CRLF, trailing spaces, no final newline; tab indentation in YAML
  // is read too, with a warning (Eleventy, Jekyll and GitHub's preview reject it).
  "bom-crlf-tabs.md": [[5, "warning", "front-matter-tabs"]],
  "chapter-past-end.md": [[14, "warning", "chapter-past-end"], [20, "warning", "chapter-past-end"]],
  "date-impossible.md": [[3, "error", "date-invalid"]],
  "date-mapping.md": [[3, "error", "date-invalid"]],
  "date-markup.md": [[3, "error", "date-invalid"]],
  // A details pair whose tags carry handlers is understood (the handlers are dropped);
  // one with a <script> inside its paragraph is not, and is shown as text.
  "details-hostile.md": [[13, "warning", "unpaired-paragraph"], [15, "warning", "unrecognised-block"]],
  "dup-url-a.md": [],
  "dup-url-b.md": [[1, "error", "duplicate-url"]],
  "empty.md": [[0, "error", "empty-file"]],
  "field-types.md": [[1, "warning", "title-from-filename"], [2, "warning", "field-type"], [5, "warning", "field-type"], [8, "warning", "field-type"]],
  "front-matter-list.md": [[2, "error", "front-matter-not-mapping"], [2, "warning", "unrecognised-block"]],
  "front-matter-scalar.md": [[2, "error", "front-matter-not-mapping"], [2, "warning", "unrecognised-block"]],
  "front-matter-unclosed.md": [[1, "error", "front-matter-unclosed"]],
  "heading-hostile.md": [],
  "html-blocks.md": [[6, "warning", "unrecognised-block"], [8, "warning", "unrecognised-block"], [10, "warning", "unrecognised-block"], [12, "warning", "unrecognised-block"]],
  "latin1.md": [[6, "error", "not-utf8"]],
  // Hostile links are not problems (they are shown as text); the reference definitions are a paragraph of their own.
  "links.md": [[26, "warning", "unpaired-paragraph"]],
  "markdown-structures.md": [[6, "warning", "unrecognised-block"], [9, "warning", "unrecognised-block"], [13, "warning", "unrecognised-block"], [17, "warning", "unrecognised-block"]],
  "nul-late.md": [[10, "error", "binary-file"]],
  // Tolerated without a word: empty and null fields, strings where lists are usual.
  "null-fields.md": [],
  "source-data-url.md": [[4, "warning", "source-not-http"]],
  "source-javascript.md": [[4, "warning", "source-not-http"]],
  "summary-chapters-past-end.md": [[15, "warning", "chapter-past-end"], [16, "warning", "chapter-past-end"]],
  // Payloads in every front matter field: valid YAML, so no problem; escaped on the page.
  "title-breakout.md": [],
  "unknown-fields.md": [[4, "warning", "unknown-field"], [6, "warning", "unknown-field"], [7, "warning", "unknown-field"], [8, "warning", "unknown-field"]],
  "unpaired.md": [[12, "warning", "unpaired-paragraph"], [20, "warning", "unpaired-paragraph"]],
  "unrecognised-summary-block.md": [[8, "warning", "unrecognised-block"]],
  "utf16.md": [[1, "error", "not-utf8"]],
  // UTF-16 with no byte-order mark: recognised by its NUL bytes in every other place.
  "utf16-no-bom.md": [[1, "error", "not-utf8"]],
  "video-date-invalid.md": [[6, "error", "date-invalid"]],
  "video-link-javascript.md": [[8, "warning", "source-not-http"]],
  "whitespace-only.md": [[0, "error", "empty-file"]],
  "yaml-bad-indent.md": [[3, "error", "yaml-invalid"]],
  "yaml-duplicate-key.md": [[4, "error", "yaml-invalid"]],
  "yaml-js-tag.md": [[2, "error", "yaml-invalid"]],
  // The `[` opened on line 3 is noticed on line 4; the error names line 3.
  "yaml-unclosed-flow.md": [[3, "error", "yaml-invalid"]],
  // The quote opened on line 2 runs to the end of the block; the error names line 2.
  "yaml-unterminated-quote.md": [[2, "error", "yaml-invalid"]],
};

/** Files that are not read as text at all (not a transcript); everything else must lose nothing. */
const NOT_TEXT = new Set(["binary.txt", "utf16.md", "utf16-no-bom.md"]);

const PRINTABLE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

let archive: Archive;
const byFile = new Map<string, Transcript>();

beforeAll(() => {
  archive = loadArchive(HOSTILE_DIR);
  for (const t of archive.transcripts) byFile.set(t.file, t);
});

function problemsOf(file: string): Problem[] {
  return archive.problems.filter((p) => p.file === file);
}

/** The body of a file as the ingest sees it (after decoding and the front matter). */
function bodyOf(file: string): { body: string; bodyLine: number } {
  const bytes = readFileSync(join(HOSTILE_DIR, file));
  const text = normaliseText(decodeSource(bytes, new ProblemList(file)) ?? "");
  const fm = readFrontMatter(text, new ProblemList(file));
  return { body: fm.body, bodyLine: fm.bodyLine };
}

describe("the hostile corpus", () => {
  it("has at least 30 files, each with its expected problems listed here", () => {
    const files = readdirSync(HOSTILE_DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(archive.fileCount).toBe(files.length);
  });

  it("covers every error and warning the issue names", () => {
    const codes = new Set(Object.values(EXPECTED).flat().map(([, severity, code]) => `${severity} ${code}`));
    for (const code of [
      "error yaml-invalid", "error front-matter-not-mapping", "error date-invalid", "error not-utf8", "error binary-file",
      "error empty-file", "error duplicate-url", "warning unpaired-paragraph", "warning unrecognised-block",
      "warning chapter-past-end", "warning unknown-field", "warning source-not-http",
    ]) expect(codes).toContain(code);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: exactly ${expected.length ? expected.map(([l, s, c]) => `${c}@${l} (${s})`).join(", ") : "no problems"}`, () => {
      const got = problemsOf(file).map((p): Expected => [p.line, p.severity, p.code]);
      expect(got).toEqual(expected);
      for (const p of problemsOf(file)) {
        expect(p.message.trim()).not.toBe("");
        expect(formatProblem(p)).toMatch(PRINTABLE_LINE);
      }
    });
  }

  it("reports the summary the check prints", () => {
    const errors = Object.values(EXPECTED).flat().filter(([, s]) => s === "error").length;
    const warnings = Object.values(EXPECTED).flat().length - errors;
    expect(archive.problems.filter((p) => p.severity === "error")).toHaveLength(errors);
    expect(archive.problems.filter((p) => p.severity === "warning")).toHaveLength(warnings);
  });
});

describe("nothing lost: every word of every block is in the model", () => {
  for (const file of Object.keys(EXPECTED).filter((f) => !NOT_TEXT.has(f))) {
    it(file, () => {
      const { body, bodyLine } = bodyOf(file);
      const t = byFile.get(file)!;
      expect(t, `a transcript for ${file}`).toBeDefined();
      expect(lostWords(body, t, bodyLine)).toEqual([]);
    });
  }

  it("a file that cannot be read as text still gets a transcript (and its error)", () => {
    for (const file of NOT_TEXT) {
      expect(byFile.get(file)?.sections).toEqual([]);
      expect(problemsOf(file).some((p) => p.severity === "error")).toBe(true);
    }
  });

  it("the transcript with the duplicate URL is kept, under a free URL", () => {
    expect(byFile.get("dup-url-a.md")!.slug).toBe("same-url");
    expect(byFile.get("dup-url-b.md")!.slug).toBe("same-url-2");
    expect(problemsOf("dup-url-b.md")[0].message).toContain("dup-url-a.md");
  });

  it("a huge paragraph (2 MB) is read whole", () => {
    const para = "All of this is one paragraph with many words in it. ".repeat(40_000).trim();
    const zh = "这是一整段很长的中文。".repeat(20_000);
    const text = `---\ntitle: Huge\n---\n\n${para}\n\n${zh}\n`;
    const t = ingestFile({ file: "huge.md", bytes: new TextEncoder().encode(text) });
    expect(t.problems).toEqual([]);
    const pair = t.sections[0].pairs[0];
    expect(pair.en?.text).toBe(para);
    expect(pair.zh?.text).toBe(zh);
  });
});

describe("tolerated (tabs in the front matter with a warning)", () => {
  it("BOM, CRLF, tabs, trailing spaces, no final newline", () => {
    const t = byFile.get("bom-crlf-tabs.md")!;
    expect(t.meta.title).toBe("BOM, CRLF, tabs and trailing spaces");
    expect(t.meta.date).toBe("2025-01-21");
    expect(t.meta.tags).toEqual(["one", "two"]);
    expect(t.sections.map((s) => s.heading)).toEqual(["A heading with trailing spaces"]);
    expect(t.sections[0].pairs.map((p) => p.kind)).toEqual(["pair", "pair"]);
  });

  it("empty and null fields, strings where lists are usual", () => {
    const t = byFile.get("null-fields.md")!;
    expect(t.meta).toMatchObject({ title: "Empty and null fields", tags: ["ai", "芯片", "robots"], people: ["Jensen Huang"], project: ["one"], draft: false });
    for (const field of ["summary", "date", "speaker", "author", "guest", "source", "series", "insight", "status"] as const) {
      expect(t.meta[field], field).toBeUndefined();
    }
  });
});

describe("nothing executed: what the corpus renders to", () => {
  const ALLOWED_TAGS = new Set(["p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "s"]);

  /** Every element and attribute of rendered markdown is harmless. */
  function assertHarmless(html: string, where: string): void {
    const root = parse(`<div>${html}</div>`, { comment: true });
    for (const el of root.querySelectorAll("*").slice(1)) {
      const tag = el.tagName.toLowerCase();
      expect(ALLOWED_TAGS.has(tag), `<${tag}> in ${where}: ${html.slice(0, 200)}`).toBe(true);
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(["href", "rel", "title", "class"].includes(name), `attribute ${name} in ${where}`).toBe(true);
        if (name === "href") expect(value, `href in ${where}`).toMatch(/^(https?:|mailto:)/i);
        if (name === "class") expect(value).toMatch(/^language-[\w-]*$/);
      }
      if (tag === "a" && /^https?:/i.test(el.getAttribute("href") ?? "")) expect(el.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(html).not.toMatch(/<!--/);
  }

  it("every pair, section and summary text of every file renders as harmless HTML", () => {
    let checked = 0;
    for (const t of archive.transcripts) {
      for (const s of t.sections) {
        if (s.note) assertHarmless(renderInline(s.note), `${t.file} note`);
        for (const p of s.pairs) {
          for (const side of [p.en, p.zh]) if (side) assertHarmless(renderInline(side.text), `${t.file} ${p.id}`);
          if (p.raw) assertHarmless(renderBlock(p.raw.text), `${t.file} ${p.id}`);
          checked++;
        }
      }
      const s = t.summary;
      if (!s) continue;
      for (const text of [s.tldr ?? "", ...s.intro, ...s.footer, ...s.other.map((o) => o.body), ...s.corePoints.map((c) => c.body), ...s.people.map((p) => p.body)]) {
        assertHarmless(renderBlock(text), `${t.file} summary`);
      }
      for (const text of [...s.info.map((i) => i.value), ...s.chapters.flatMap((c) => [c.title, c.summary ?? ""]), ...s.quotes.map((q) => q.text)]) {
        assertHarmless(renderInline(text), `${t.file} summary`);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("the payloads are kept as text, in place", () => {
    const html = byFile.get("html-blocks.md")!.sections[0].pairs.map((p) => p.raw?.text ?? p.en?.text ?? "");
    expect(html).toContain('<script>window.__pwned = 1; alert("script block")</script>');
    expect(html).toContain("<!-- a hidden comment: <script>alert(1)</script> -->");
    expect(renderBlock("<!-- a hidden comment -->")).toBe("<p>&lt;!-- a hidden comment --&gt;</p>\n");
    const details = byFile.get("details-hostile.md")!.sections[0].pairs[0];
    expect(details.kind).toBe("pair");
    expect(details.en?.text).toBe("Let's start with the roadmap <script>alert(1)</script>.");
    expect(renderInline(details.en!.text)).toBe("Let's start with the roadmap &lt;script&gt;alert(1)&lt;/script&gt;.");
  });

  it("a source that is not http(s) is never kept as a link", () => {
    for (const file of ["source-javascript.md", "source-data-url.md", "video-link-javascript.md"]) expect(byFile.get(file)!.meta.source).toBeUndefined();
    expect(byFile.get("chapter-past-end.md")!.meta.source).toBe("https://www.youtube.com/watch?v=abc");
  });

  // Link destinations: only http(s) and mailto become links, however the scheme is written.
  const NOT_LINKS = [
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))", "[x](javascript&#58;alert(1))", "[x](javascript&colon;alert(1))", "[x](java&#x09;script:alert(1))",
    "[x](%6Aavascript:alert(1))", "[x](<javascript:alert(1)>)", "[x]( javascript:alert(1))", "[x](\u0000javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](DATA:text/html,hi)", "[x](vbscript:msgbox(1))", "[x](file:///etc/passwd)",
    "[x](//evil.example/)", "[x](/relative)", "[x](#fragment)", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<data:text/html,hi>",
    "<vbscript:msgbox(1)>", "![img](javascript:alert(1))",
  ];
  for (const input of NOT_LINKS) {
    it(`not a link: ${JSON.stringify(input)}`, () => {
      const inline = renderInline(input);
      const block = renderBlock(input);
      expect(inline).not.toMatch(/<a\b/);
      expect(block).not.toMatch(/<a\b/);
      assertHarmless(inline, input);
    });
  }

  it("reference-style links to other schemes are not links either", () => {
    const html = renderBlock("[one][bad] and [two][bad2]\n\n[bad]: javascript:alert(1)\n[bad2]: data:text/html,hi\n");
    expect(html).not.toMatch(/<a\b/);
    const good = renderBlock("[one][ok]\n\n[ok]: https://example.com/x\n");
    expect(good).toBe('<p><a href="https://example.com/x" rel="noopener noreferrer">one</a></p>\n');
  });

  it("http(s) and mailto links are links; external ones carry rel=noopener noreferrer", () => {
    expect(renderInline("[w](https://example.com/a?b=1&c=2)")).toBe('<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">w</a>');
    expect(renderInline("[w](HTTP://example.com/)")).toBe('<a href="HTTP://example.com/" rel="noopener noreferrer">w</a>');
    expect(renderInline("<https://example.com/ok>")).toBe('<a href="https://example.com/ok" rel="noopener noreferrer">https://example.com/ok</a>');
    expect(renderInline("[m](mailto:someone@example.com)")).toBe('<a href="mailto:someone@example.com">m</a>');
    expect(renderInline('[t](https://e.com "x\\" onmouseover=\\"alert(1)")')).toBe('<a href="https://e.com" title="x&quot; onmouseover=&quot;alert(1)" rel="noopener noreferrer">t</a>');
    // Images are never loaded: an image shows as its link.
    expect(renderInline("![pixel](https://evil.example/t.png)")).toBe('!<a href="https://evil.example/t.png" rel="noopener noreferrer">pixel</a>');
  });
});

describe("hostile file names", () => {
  // Made at run time: such names are fine on Linux but awkward in a repository.
  const NAMES = [
    "<img src=x onerror=window.__pwned=1>.md",
    '"><svg onload=window.__pwned=1>.md',
    "javascript:alert(1).md",
    "new\nline.md",
    "\u202eevil\u202c.md",
    "\u001b[31mred\u001b[0m.md",
    "'; DROP TABLE t; --.md",
    "空 格 与中文.md",
  ];
  let dir: string;
  let named: Archive;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hostile-names-"));
    for (const name of NAMES) writeFileSync(join(dir, name), "An English paragraph.\n\n一段中文。\n");
    named = loadArchive(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("each becomes a transcript at a unique ASCII URL", () => {
    expect(named.transcripts).toHaveLength(NAMES.length);
    const slugs = named.transcripts.map((t) => t.slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9_-]+$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("their names are quoted in messages, one printable line each", () => {
    const lines = named.problems.map(formatProblem);
    expect(lines).toHaveLength(NAMES.length); // one title-from-filename warning each
    for (const line of lines) expect(line).toMatch(PRINTABLE_LINE);
    expect(lines.join("\n")).toContain("\\u{1b}[31mred\\u{1b}[0m.md");
    expect(lines.join("\n")).toContain("\\u{202e}evil\\u{202c}.md");
    expect(lines.join("\n")).toContain("new\\u{a}line.md");
  });

  it("a key or value with terminal escapes is printed escaped", () => {
    const t = ingestFile({ file: "esc.md", bytes: new TextEncoder().encode('---\ntitle: x\n"\\e[2J\\u202e": 1\n---\nHi.\n') });
    const line = formatProblem(t.problems[0]);
    expect(t.problems[0].code).toBe("unknown-field");
    expect(line).toMatch(PRINTABLE_LINE);
    expect(line).toContain("[2J\\u{202e}");
  });
});

describe("templates: every output is escaped, unless it is markdown-it's output", () => {
  const INCLUDES = resolve(import.meta.dirname, "../../_includes");
  const templates = readdirSync(INCLUDES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".njk"))
    .map((e) => join(e.parentPath, e.name));

  it("Nunjucks autoescape is not turned off anywhere", () => {
    const config = readFileSync(resolve(import.meta.dirname, "../../.eleventy.ts"), "utf8");
    expect(config).not.toMatch(/autoescape\s*:\s*false/);
    for (const file of templates) expect(readFileSync(file, "utf8"), file).not.toMatch(/\{%-?\s*autoescape\s+false|\{%-?\s*filter\s+safe|\|\s*escape\s*\(\s*false/);
  });

  it("`| safe` only marks the page content, markdown-it output (html off) or JSON made safe for a script", () => {
    expect(templates.length).toBeGreaterThan(3);
    let uses = 0;
    for (const file of templates) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\{\{-?([^}]*?)\|\s*safe\s*-?\}\}|\|\s*safe\b/g)) {
        uses++;
        const expr = m[1];
        expect(expr, `${file}: ${m[0]}`).toBeDefined();
        const ok = /^\s*content\s*$/.test(expr!) || /\|\s*(md|mdBlock|jsonLd(\([\w\s]*\))?)\s*$/.test(expr!);
        expect(ok, `${file}: ${m[0]}`).toBe(true);
      }
    }
    expect(uses).toBeGreaterThan(0);
  });

  it("markdown-it is set up with raw HTML off", () => {
    expect(renderBlock("<b>x</b>\n\n<script>y</script>")).toBe("<p>&lt;b&gt;x&lt;/b&gt;</p>\n<p>&lt;script&gt;y&lt;/script&gt;</p>\n");
  });
});
