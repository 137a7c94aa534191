// src/browser/reader/: the mode order (all screens, narrow ones), the copied quote, the landing on a pair.
import { describe, expect, it } from "vitest";
import { modesFor, nextMode, shownMode } from "../../src/browser/reader/modes.ts";
import { landingMargin } from "../../src/browser/reader/target.ts";
import { formatQuote } from "../../src/browser/reader/quote.ts";
import { storedMode, storedTheme } from "../../src/browser/settings-store.ts";

describe("modes", () => {
  it("M goes side by side → interleaved → English → 中文 → side by side; Shift+M back", () => {
    expect(nextMode("sbs", false)).toBe("il");
    expect(nextMode("il", false)).toBe("en");
    expect(nextMode("en", false)).toBe("zh");
    expect(nextMode("zh", false)).toBe("sbs");
    expect(nextMode("sbs", true)).toBe("zh");
    expect(nextMode("il", true)).toBe("sbs");
  });
  it("a stored setting is used only when it is a known value", () => {
    expect(storedMode("il")).toBe("il");
    expect(storedMode("sbs")).toBe("");
    expect(storedMode("<script>")).toBe("");
    expect(storedTheme("dark")).toBe("dark");
    expect(storedTheme(null)).toBe("");
  });
});

describe("formatQuote", () => {
  const base = { lines: ["Shall we start?", "我们开始吧？"], speakers: ["Alex"], who: "Some Pod", title: "路线图", titleIsEnglish: false, date: "2024-05-01", url: "https://x.test/t/a/#p-3" };
  it("quotes each side on a line, then speaker, title, date and the permalink", () => {
    expect(formatQuote(base)).toBe("“Shall we start?”\n“我们开始吧？”\n— Alex, 《路线图》, 2024-05-01\nhttps://x.test/t/a/#p-3");
  });
  it("names the byline's who when no side names a speaker; an English title is not in 《》", () => {
    expect(formatQuote({ ...base, speakers: [], title: "The Roadmap", titleIsEnglish: true, date: "" })).toBe("“Shall we start?”\n“我们开始吧？”\n— Some Pod, The Roadmap\nhttps://x.test/t/a/#p-3");
  });
});

describe("landing on a pair (reader/target.ts)", () => {
  const base = { viewport: 800, padding: 16 };
  it("shows the heading above a section's first pair when both fit", () => {
    expect(landingMargin({ ...base, headTop: 1000, pairTop: 1050, pairBottom: 1400 })).toBe(50);
  });
  it("puts a pair that fits, but not with its heading, whole at the top", () => {
    expect(landingMargin({ ...base, headTop: 1000, pairTop: 1100, pairBottom: 1800 })).toBe(0);
  });
  it("keeps the heading above a pair too tall to be whole in view, unless the heading is huge", () => {
    expect(landingMargin({ ...base, headTop: 1000, pairTop: 1050, pairBottom: 2500 })).toBe(50);
    expect(landingMargin({ ...base, headTop: 1000, pairTop: 1400, pairBottom: 2900 })).toBe(0);
  });
  it("no margin for a pair that is not its section's first", () => {
    expect(landingMargin({ ...base, pairTop: 1050, pairBottom: 1400 })).toBe(0);
  });
});

describe("modes on a narrow screen (reader/modes.ts)", () => {
  it("offers side by side only where two columns fit, and shows a remembered one as interleaved", () => {
    expect(modesFor(false)).toEqual(["sbs", "il", "en", "zh"]);
    expect(modesFor(true)).toEqual(["il", "en", "zh"]);
    expect(shownMode("sbs", true)).toBe("il");
    expect(shownMode("sbs", false)).toBe("sbs");
    expect(shownMode("en", true)).toBe("en");
  });
  it("M cycles the modes offered", () => {
    expect(nextMode("il", false, modesFor(true))).toBe("en");
    expect(nextMode("zh", false, modesFor(true))).toBe("il");
    expect(nextMode("il", true, modesFor(true))).toBe("zh");
    expect(nextMode("zh", false)).toBe("sbs");
  });
});
