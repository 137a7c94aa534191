// src/site/dev.ts: what only `npm start` needs.
import { describe, expect, it } from "vitest";
import type { ShownProblem } from "../../src/ingest/report.ts";
import { devBanner, scriptHashSource } from "../../src/site/dev.ts";

describe("the dev server's reload script under the CSP", () => {
  it("is allowed by its sha256, as a CSP hash source", () => {
    // The hash Chromium names for an inline script "abc".
    expect(scriptHashSource("abc")).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });
});

describe("a page's development banner", () => {
  const shown = (severity: ShownProblem["severity"], code: string): ShownProblem => ({ where: "seeds/a.md:2", severity, note: severity === "info", code, message: "…" });
  it("counts problems and notes apart, in its heading", () => {
    const problems = [shown("error", "yaml-invalid"), shown("info", "quote-not-linked"), shown("info", "quote-not-linked")];
    expect(devBanner(problems)).toEqual({ problems, faults: 1, notes: 2, title: { zh: "这个文件有问题", en: "1 problem and 2 notes (info) in this file" }, folded: false });
    expect(devBanner([shown("warning", "x"), shown("error", "y")])?.title.en).toBe("2 problems in this file");
  });
  it("is folded when the file has notes only (nothing to fix), and absent when it has nothing", () => {
    expect(devBanner([shown("info", "quote-not-linked")])).toMatchObject({ faults: 0, notes: 1, title: { zh: "这个文件的说明", en: "1 note (info) in this file" }, folded: true });
    expect(devBanner([])).toBeUndefined();
  });
});
