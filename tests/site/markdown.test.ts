// src/markdown.ts: paragraph text → HTML. Plain text skips the parser; it must give exactly what
// markdown-it (as configured: no raw HTML, no linkify, no typographer) gives for it.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderInline } from "../../src/site/markdown.ts";

const reference = new MarkdownIt({ html: false, linkify: false, typographer: false });

describe("renderInline", () => {
  it("renders plain text as markdown-it does, without the parser", () => {
    const samples = ['He said "yes" — 他说：“好”。', "  leading and trailing  ", "a\tb", "AI-driven #1 + 2 = 3 (50%) {x} | y @ z $9 ^", "'single' quotes", "", " ", "Ünïcödé 𠀀 ✓"];
    for (const text of samples) expect(renderInline(text), text).toBe(reference.renderInline(text));
    const unit = fc.constantFrom("a", "Z", " ", "\t", '"', "'", "中", "，", "。", "：", "-", "#", "+", "=", "(", ")", "{", "}", "|", "@", "$", "%", "^", ".", ",", "?", "/", ";", "1", "é", "—", "…", "\u00a0", "\u3000");
    fc.assert(fc.property(fc.string({ unit }), (text) => renderInline(text) === reference.renderInline(text)), { numRuns: 2000 });
  });

  it("still parses text with syntax: emphasis, code, links, entities, escapes, line breaks", () => {
    expect(renderInline("*very* `x` [a](https://example.com)")).toBe('<em>very</em> <code>x</code> <a href="https://example.com" rel="noopener noreferrer">a</a>');
    expect(renderInline("&amp; &copy; <b>")).toBe("&amp; © &lt;b&gt;");
    expect(renderInline("\\*not\\*")).toBe("*not*");
    expect(renderInline("one  \ntwo")).toBe("one<br>\ntwo");
    expect(renderInline("[bad](javascript:alert(1))")).toBe("[bad](javascript:alert(1))");
  });
});
