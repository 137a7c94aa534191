// src/browser/archive-filter.ts: the index's filters.
import { describe, expect, it } from "vitest";
import { cardMatches, countText } from "../../src/browser/archive-filter.ts";

describe("cardMatches", () => {
  const card = { tags: "ai|扩展定律", speaker: "bg2 pod", year: "2024" };
  it("passes a card that has every chosen value", () => {
    expect(cardMatches(card, { tag: "", speaker: "", year: "" })).toBe(true);
    expect(cardMatches(card, { tag: "扩展定律", speaker: "bg2 pod", year: "2024" })).toBe(true);
  });
  it("stops a card that lacks one, and never matches a part of a tag", () => {
    expect(cardMatches(card, { tag: "a", speaker: "", year: "" })).toBe(false);
    expect(cardMatches(card, { tag: "", speaker: "bg2", year: "" })).toBe(false);
    expect(cardMatches(card, { tag: "", speaker: "", year: "2025" })).toBe(false);
    expect(cardMatches({}, { tag: "ai", speaker: "", year: "" })).toBe(false);
  });
});

describe("countText", () => {
  it("names what it counts, in both languages, never a bare number", () => {
    expect(countText(2, 2, false)).toEqual({ zh: "共 2 篇", en: "2 interviews" });
    expect(countText(1, 2, true)).toEqual({ zh: "显示 1 / 2 篇", en: "1 of 2 interviews" });
    expect(countText(1, 1, false)).toEqual({ zh: "共 1 篇", en: "1 interview" });
  });
});
