// src/browser/reader/play.ts: which time each pair plays from, and what its link says;
// src/browser/quotes-filter.ts: the quotes page's person filter.
import { describe, expect, it } from "vitest";
import { playLabel, playTimes, type KnownTime } from "../../src/browser/reader/play.ts";
import { formatClock as clock } from "../../src/ingest/timecode.ts";
import { quoteMatches } from "../../src/browser/quotes-filter.ts";

const at = (seconds: number, kind: KnownTime["kind"]): { time: KnownTime } => ({ time: { seconds, kind, href: `https://v.test/?t=${seconds}` } });
const start: KnownTime = { seconds: 0, kind: "start", href: "https://v.test/?t=0" };

describe("play from here", () => {
  it("each pair plays from the nearest known time before it: segment, chapter or part; the start when none", () => {
    const times = playTimes(["p-1", at(0, "part"), at(0, "segment"), "p-2", at(80, "segment"), "p-3", at(160, "chapter"), "p-4", at(3600, "part"), "p-5", "p-6"].map((x) => (typeof x === "string" ? { pair: x } : x)), start);
    expect([...times].map(([pair, t]) => `${pair} ${t.kind} ${t.seconds}`)).toEqual(["p-1 start 0", "p-2 segment 0", "p-3 segment 80", "p-4 chapter 160", "p-5 part 3600", "p-6 part 3600"]);
  });
  it("says which time it is, never a time between two known ones", () => {
    expect(playLabel({ seconds: 3840, kind: "segment", href: "" })).toBe("从 1:04:00 播放（分段起点）· Play from 1:04:00 (segment start)");
    expect(playLabel({ seconds: 498, kind: "chapter", href: "" })).toBe("从 8:18 播放（章节起点）· Play from 8:18 (chapter start)");
    expect(playLabel({ seconds: 900, kind: "part", href: "" })).toBe("从 15:00 播放（部分起点）· Play from 15:00 (part start)");
    expect(playLabel(start)).toMatch(/^从头 0:00 播放.*Play from the start/);
    expect(clock(3881)).toBe("1:04:41");
  });
});

describe("quotes page filter", () => {
  it("all when nothing is chosen; else the quotes of that person only", () => {
    expect(quoteMatches("jensen huang", "")).toBe(true);
    expect(quoteMatches("", "")).toBe(true);
    expect(quoteMatches("jensen huang", "jensen huang")).toBe(true);
    expect(quoteMatches("sarah guo", "jensen huang")).toBe(false);
    expect(quoteMatches(undefined, "jensen huang")).toBe(false);
  });
});
