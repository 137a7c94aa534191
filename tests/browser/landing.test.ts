// src/browser/landing.ts: the words marked in the pair a search result lands on.
import { describe, expect, it } from "vitest";
import { markPattern, splitMarks } from "../../src/browser/landing.ts";

describe("markPattern and splitMarks", () => {
  it("marks a Latin word only whole, a Chinese word wherever it is", () => {
    const re = markPattern(["a", "green", "card", "扩展"])!;
    const parts = splitMarks("that staple a green card, 扩展定律", re)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["a", "green", "card", "扩展"]);
    expect(parts.map((p) => p.text).join("")).toBe("that staple a green card, 扩展定律");
  });
  it("prefers the longer word, ignores case, and treats regex characters as text", () => {
    const re = markPattern(["AI", "AI's", "c++"])!;
    expect(splitMarks("ai's rise in C++", re)!.filter((p) => p.mark).map((p) => p.text)).toEqual(["ai's", "C++"]);
  });
  it("has nothing to mark without words, and leaves text without a match alone", () => {
    expect(markPattern([])).toBeNull();
    expect(markPattern(["", 3, null])).toBeNull();
    expect(splitMarks("nothing here", markPattern(["zebra"])!)).toBeNull();
  });
});
