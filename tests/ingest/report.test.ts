// src/ingest/report.ts under npm start: what a rebuild prints, what a page's banner lists.
import { describe, expect, it } from "vitest";
import { assembleArchive, ingestFile } from "../../src/ingest/archive.ts";
import { changedFiles, problemsOfFile, rebuildReport } from "../../src/ingest/report.ts";

const file = (name: string, text: string) => ingestFile({ file: name, bytes: new TextEncoder().encode(text) });
const good = file("a.md", "---\ntitle: A\n---\nHello.\n\n你好。\n");
const other = file("b.md", "---\ntitle: B\n---\nHi.\n\n嗨。\n");
const broken = file("a.md", '---\ntitle: "A\n---\nHello.\n\n你好。\n');

describe("a rebuild's report", () => {
  const before = assembleArchive([good, other]);
  it("prints the changed file's problems as `path:line: severity code message`, then a summary", () => {
    const after = assembleArchive([broken, other]);
    expect(changedFiles(before, after)).toEqual(["a.md"]);
    const lines = rebuildReport(before, after, "seeds");
    expect(lines[0]).toMatch(/^seeds\/a\.md:2: error yaml-invalid /);
    expect(lines.at(-1)).toBe("1 error, 0 warnings in 1 file (changed: seeds/a.md)");
  });
  it("says so when the changed file is fine again, and prints nothing when no transcript changed", () => {
    expect(rebuildReport(assembleArchive([broken, other]), assembleArchive([good, other]), "seeds")).toEqual(["0 errors, 0 warnings in 1 file (changed: seeds/a.md)"]);
    expect(rebuildReport(before, assembleArchive([good, other]), "seeds")).toEqual([]);
  });
  it("names another file that gets a problem from the change (a duplicate URL)", () => {
    const clash = file("c.md", "---\ntitle: C\nslug: a\n---\nHi.\n\n嗨。\n");
    const lines = rebuildReport(before, assembleArchive([good, other, clash]), "seeds");
    expect(lines.some((l) => /^seeds\/(a|c)\.md:1: error duplicate-url /.test(l))).toBe(true);
  });
});

describe("a page's problems", () => {
  it("lists its file's problems with file and line", () => {
    const archive = assembleArchive([broken, other]);
    const [p] = problemsOfFile(archive, "a.md", "seeds");
    expect(p).toMatchObject({ where: "seeds/a.md:2", severity: "error", code: "yaml-invalid" });
    expect(problemsOfFile(archive, "b.md", "seeds")).toEqual([]);
  });
  it("marks an info line as a note, not a problem (the banner counts them apart)", () => {
    const quoted = file("q.md", "# Q\n\n## 视频信息\n\n- **频道**: Pod\n\n## 💬 经典金句\n\n> \"Safety is the product.\"\n\n## 📝 完整翻译\n\n唯一的中文段落。\n");
    const shown = problemsOfFile(assembleArchive([quoted, broken]), "q.md", "seeds");
    expect(shown).toEqual([expect.objectContaining({ where: "seeds/q.md:9", severity: "info", note: true, code: "quote-not-linked" })]);
    expect(problemsOfFile(assembleArchive([broken]), "a.md", "seeds")[0].note).toBe(false);
  });
});
