// src/site/summary-view.ts: chapters linked to their sections; importance stars as a level.
import { describe, expect, it } from "vitest";
import type { Section } from "../../src/model.ts";
import { chapterSection, starScale, starsOf } from "../../src/site/summary-view.ts";

const section = (id: string, heading: string, start?: number): Section => ({ id, heading, time: start === undefined ? undefined : { start, label: "" }, pairs: [], line: 1 });

describe("chapterSection", () => {
  const sections = [section("s-1", "", 0), section("s-2", "2025年AI进展回顾", 0), section("s-3", "AI与就业影响", 498), section("s-4", "Part 2", 900)];
  it("finds the section of the same title, whatever its spacing and punctuation", () => {
    expect(chapterSection({ title: "AI 与就业影响" }, sections)?.id).toBe("s-3");
    expect(chapterSection({ title: "**2025年AI进展回顾**" }, sections)?.id).toBe("s-2");
  });
  it("else the titled section that starts at the chapter's time; else none", () => {
    expect(chapterSection({ title: "Jobs", time: { start: 498, label: "8:18" } }, sections)?.id).toBe("s-3");
    expect(chapterSection({ title: "Elsewhere", time: { start: 1234, label: "20:34" } }, sections)).toBeUndefined();
    expect(chapterSection({ title: "Nothing" }, sections)).toBeUndefined();
  });
});

describe("stars", () => {
  it("reads a cell of stars as a level, anything else not at all", () => {
    expect(starsOf("⭐⭐⭐")).toEqual({ level: 3, of: 3 });
    expect(starsOf("⭐️⭐️")).toEqual({ level: 2, of: 2 });
    expect(starsOf("★★☆")).toEqual({ level: 2, of: 3 });
    expect(starsOf("高")).toBeUndefined();
    expect(starsOf("⭐⭐ core")).toBeUndefined();
    expect(starsOf(undefined)).toBeUndefined();
  });
  it("the table's scale is the most stars a row has room for", () => {
    expect(starScale([{ name: "a", importance: "⭐" }, { name: "b", importance: "⭐⭐⭐" }, { name: "c", importance: "high" }])).toBe(3);
    expect(starScale([{ name: "a", importance: "high" }])).toBe(0);
  });
});
