// src/browser/reader/: the mode order and the copied quote.
import { describe, expect, it } from "vitest";
import { nextMode } from "../../src/browser/reader/modes.ts";
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
