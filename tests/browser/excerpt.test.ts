// src/browser/search/excerpt.ts: what of a side a result shows, and what is marked.
import { describe, expect, it } from "vitest";
import { excerpt, windowStart } from "../../src/browser/search/excerpt.ts";
import { SPACE_MARK } from "../../src/search/marks.ts";
import type { Token } from "../../src/search/passages.ts";

const tokens = (words: string[], start = 100): Token[] => words.map((tok, i) => ({ pos: start + i, tok }));
const marked = (parts: { mark: boolean; text: string }[]) => parts.filter((p) => p.mark).map((p) => p.text);
const whole = (parts: { mark: boolean; text: string }[]) => parts.map((p) => p.text).join("");

describe("excerpt", () => {
  it("marks a run of matched words as one, without the punctuation at its ends", () => {
    const t = tokens(["We", "have", "three", "scaling", "laws,", "right?"]);
    const e = excerpt(t, "en", new Set([103, 104]));
    expect(marked(e.parts)).toEqual(["scaling laws"]);
    expect(whole(e.parts)).toBe("We have three scaling laws, right?");
    expect(e.cutStart || e.cutEnd).toBe(false);
  });
  it("joins Chinese tokens with nothing, and a kept space as a space", () => {
    const t = tokens(["我们", "有", "三", "个", "扩展", "定律", SPACE_MARK, "OK", "。"]);
    const e = excerpt(t, "zh", new Set([104, 105]));
    expect(whole(e.parts)).toBe("我们有三个扩展定律 OK。");
    expect(marked(e.parts)).toEqual(["扩展定律"]);
  });
  it("keeps a space between two marked words in Chinese text inside the mark", () => {
    const t = tokens(["人物", "：", "Sarah", SPACE_MARK, "Guo", SPACE_MARK, "·"]);
    const e = excerpt(t, "zh", new Set([102, 104]));
    expect(marked(e.parts)).toEqual(["Sarah Guo"]);
    expect(whole(e.parts)).toBe("人物：Sarah Guo ·");
  });

  it("marks separate matches separately", () => {
    const e = excerpt(tokens(["atomic", "energy", "and", "bombs"]), "en", new Set([100, 103]));
    expect(marked(e.parts)).toEqual(["atomic", "bombs"]);
  });
  it("shows a window around the longest run of matches in a long side, and says what was cut", () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[150] = "nobody";
    words[151] = "needs";
    words[152] = "bombs";
    words[20] = "bombs";
    const t = tokens(words);
    const e = excerpt(t, "en", new Set([120, 250, 251, 252]), 60);
    expect(marked(e.parts)).toEqual(["nobody needs bombs"]);
    expect(e.cutStart).toBe(true);
    expect(e.cutEnd).toBe(true);
    expect(whole(e.parts).split(" ")).toHaveLength(60);
  });
  it("else the window that holds the most matches, starting a little before them", () => {
    const t = tokens(Array.from({ length: 100 }, (_, i) => `w${i}`), 0);
    const start = windowStart(t, new Set([5, 70, 75, 80]), 30);
    expect(start).toBe(70 - 6);
    expect(windowStart(t, new Set([5]), 200)).toBe(0);
    // The window never runs past the end.
    expect(windowStart(t, new Set([99]), 30)).toBe(70);
  });
});
