// Nothing is lost: every paragraph of every input is in the model and on the
// rendered page exactly once, and every other line of text is on the page.
// "Paragraph" here is found without the parser: blank-line-separated text
// that is not a heading, a rule, a table, a list or a quote.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import type { Transcript } from "../../src/model.ts";
import { buildInto } from "../support/build.ts";
import { ENCODINGS, SEEDS } from "../support/fixtures.ts";

/** Letters and digits only: punctuation, markdown markers and spacing do not count. */
const norm = (s: string) =>
  s
    .replace(/<summary\b[^>]*>[\s\S]*?<\/summary>/gi, " ") // a UI label, not content
    .replace(/<\/?(?:details|p)\b[^>]*>/gi, " ")
    .replace(/&amp;/g, "&")
    .replace(/\]\([^)]*\)/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "")
    .toLowerCase();

/** A segment time (`**(1:20 - 2:40)**`): a time anchor into the video, not a paragraph (its text is on the page all the same). */
const SEGMENT_TIME = /^\*\*\([\d:]+ - (?:[\d:]+|End)\)\*\*$/;

interface Source { name: string; text: string }

function sources(): Source[] {
  const read = (dir: string) => readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  return [...read(SEEDS), ...read(ENCODINGS)];
}

function bodyOf(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, "");
}

/** Transcript paragraphs: for a video summary, those after its transcript heading. */
function paragraphs(text: string): string[] {
  let body = bodyOf(text);
  const start = body.search(/^#{2,3} .*(完整翻译|Full Translation)/m);
  if (start >= 0) body = body.slice(start).replace(/^.*\n/, "");
  return body
    .split(/\n\s*\n/)
    .map((c) => c.trim())
    .filter((c) => c && !/^(#|>|\||-{3,}|[-*+] |\d+\. )/.test(c) && !/^\*.*生成.*\*$|^\*Generated/m.test(c) && !SEGMENT_TIME.test(c));
}

/** Every line of text in the body but headings and table header rows, table cells split, markers dropped. */
function lines(text: string): string[] {
  return bodyOf(text)
    .split("\n")
    .filter((l, i, all) => !/^#/.test(l) && !(l.trim().startsWith("|") && !all[i - 1]?.trim().startsWith("|")))
    .flatMap((l) => (l.trim().startsWith("|") ? l.split("|") : [l]))
    .map((l) => l.replace(/^\s*(#+|>|[-*+]|\d+\.)\s*/, "").trim())
    .filter((l) => norm(l).length > 0 && !/^[-:|\s]+$/.test(l));
}

function modelTexts(t: Transcript): string[] {
  return t.sections.flatMap((s) => s.pairs.flatMap((p) => [p.en, p.zh, p.raw].filter((x) => x !== undefined).map((x) => `${x.speaker ?? ""}${x.text}`)));
}

const countEqual = (list: string[], needle: string) => list.filter((x) => x === needle).length;

/** A paragraph is kept once if one unit equals it, or each of its lines equals one unit (line pairs). */
function keptOnce(units: string[], paragraph: string): boolean {
  if (countEqual(units, norm(paragraph)) === 1) return true;
  const ls = paragraph.split("\n").filter((l) => l.trim());
  return ls.length > 1 && ls.every((l) => countEqual(units, norm(l)) === 1);
}

describe("conservation", () => {
  const inputs = sources();
  let site = "";
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "seeds-"));
    cpSync(SEEDS, dir, { recursive: true });
    cpSync(ENCODINGS, dir, { recursive: true });
    site = await buildInto(dir);
  }, 120_000);

  it.each(inputs.map((s) => [s.name, s] as const))("%s: every paragraph is in the model exactly once", (_name, source) => {
    const t = ingest(source.name, source.text);
    const units = modelTexts(t).map(norm);
    const lost = paragraphs(source.text).filter((p) => !keptOnce(units, p));
    expect(lost).toEqual([]);
  });

  it.each(inputs.map((s) => [s.name, s] as const))("%s: every paragraph is on the page exactly once, every line of text somewhere", (_name, source) => {
    const t = ingest(source.name, source.text);
    const html = parse(readFileSync(join(site, "t", t.slug, "index.html"), "utf8"));
    const main = html.querySelector("main")!;
    const units = main.querySelectorAll("[data-pair] > [lang]:not([data-missing]), [data-text]").map((e) => norm(e.textContent));
    expect(paragraphs(source.text).filter((p) => !keptOnce(units, p))).toEqual([]);
    const page = norm(main.textContent);
    expect(lines(source.text).filter((l) => !page.includes(norm(l)))).toEqual([]);
  });
});
