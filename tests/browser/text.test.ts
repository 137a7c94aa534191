// src/browser/search/text.ts: the search page's counts and statuses, in both languages.
import { describe, expect, it } from "vitest";
import { atLeastText, countText, failedText, newestText } from "../../src/browser/search/text.ts";

describe("search texts", () => {
  it("counts interviews or passages, one in the singular, none as no results", () => {
    expect(countText(0, "AI")).toBe("没有结果 · No results for “AI”");
    expect(countText(0, "AI", "passage")).toBe("没有结果 · No results for “AI”");
    expect(countText(1, "AI")).toBe("1 篇访谈 · 1 interview for “AI”");
    expect(countText(2, "AI")).toBe("2 篇访谈 · 2 interviews for “AI”");
    expect(countText(1, "AI", "passage")).toBe("1 个段落 · 1 passage for “AI”");
    expect(countText(3, "AI", "passage")).toBe("3 个段落 · 3 passages for “AI”");
  });
  it("says 'at least' while results are loading, and how many of the interviews were searched", () => {
    expect(atLeastText(4, "AI", "interview")).toBe("至少 4 篇访谈 · At least 4 interviews for “AI”");
    expect(atLeastText(4, "AI", "passage")).toBe("至少 4 个段落 · At least 4 passages for “AI”");
    expect(newestText(1, "AI", "interview", 200, 1000)).toBe("1 篇访谈（最新的 200 篇中，共 1000 篇）· 1 interview for “AI” in the newest 200 of 1000 interviews");
    expect(newestText(2, "AI", "passage", 200, 1000)).toBe("2 个段落（最新的 200 篇中，共 1000 篇）· 2 passages for “AI” in the newest 200 of 1000 interviews");
  });
  it("a failure says what failed", () => {
    expect(failedText(new Error("404 /pagefind/shards.json"))).toBe("搜索出错 · Search failed: 404 /pagefind/shards.json");
    expect(failedText("offline")).toBe("搜索出错 · Search failed: offline");
  });
});
