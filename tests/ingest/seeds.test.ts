// The user's two samples, as they are.
import { describe, expect, it } from "vitest";
import { codes, ingestSeed, pairsOf } from "../support/fixtures.ts";

describe("000 (paragraph pairs with front matter)", () => {
  const t = ingestSeed("000_3b6afdfa3ea1ef5a.txt");
  it("has 88 sections and 88 pairs with both sides", () => {
    expect(t.sections).toHaveLength(88);
    const pairs = pairsOf(t);
    expect(pairs).toHaveLength(88);
    expect(pairs.every((p) => p.kind === "pair" && p.en && p.zh)).toBe(true);
    expect(t.sections.every((s) => s.pairs.length === 1)).toBe(true);
    expect(t.problems).toEqual([]);
  });
  it("reads its front matter", () => {
    expect(t.meta).toMatchObject({ date: "2025-10-06", speaker: "Bg2 Pod", draft: true, source: "https://www.youtube.com/watch?v=pE6sw_E9Gh0" });
    expect(t.meta.tags).toEqual(["ai基础设施", "bg2-pod", "美国ai战略", "计算扩展定律"]);
    expect(t.slug).toBe("000-3b6afdfa3ea1ef5a");
    expect(pairsOf(t)[0].en?.text).toBe("I think that OpenAI is likely going to be the next multi-trillion dollar hyperscale company.");
  });
});

describe("003 (video-summary document)", () => {
  const t = ingestSeed("003_2b149ca5e6d99755.txt");
  it("reads the summary blocks", () => {
    expect(t.shape).toBe("video-summary");
    expect(t.meta.title).toBe("NVIDIA’s Jensen Huang on Reasoning Models, Robotics, and Refuting the “AI Bubble” Narrative");
    expect(t.meta).toMatchObject({ channel: "No Priors: AI, Machine Learning, Tech, & Startups", date: "2026-01-08", duration: 4580, source: "https://www.youtube.com/watch?v=k-xtmISBCNE" });
    const s = t.summary!;
    expect(s.tldr).toMatch(/^黄仁勋回顾2025年AI发展/);
    expect(s.chapters).toHaveLength(10);
    expect(s.chapters[1]).toMatchObject({ title: "AI与就业影响", time: { start: 498, end: 924 } });
    expect(s.corePoints).toHaveLength(12);
    expect(s.companies.map((c) => c.name)).toContain("DeepSeek");
    expect(s.quotes).toHaveLength(5);
    expect(s.people.map((p) => p.name)).toEqual(["Jensen Huang（黄仁勋）", "Sarah Guo", "Elad Gil"]);
    expect(s.videoType).toBe("访谈对话");
    expect(s.footer).toHaveLength(1);
  });
  it("quotes English over a Chinese-only translation: no quote linked, an info line for each, no other problem", () => {
    expect(t.summary!.quotes.map((q) => q.pair)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes(t)).toEqual(["134:info:quote-not-linked", "137:info:quote-not-linked", "140:info:quote-not-linked", "143:info:quote-not-linked", "146:info:quote-not-linked"]);
    expect(t.problems[0].message).toMatch(/is in English, and the transcript has no English text/);
  });
  it("keeps the Part-N markers' times in the flow, on the pair after each (at a section's end, on the section)", () => {
    const marks = t.sections.flatMap((s) => [
      ...s.pairs.flatMap((p) => (p.marks ?? []).map((m) => [p.id, m.kind, m.time.start, m.time.end])),
      ...(s.endMarks ?? []).map((m) => [`end of ${s.id}`, m.kind, m.time.start, m.time.end]),
    ]);
    expect(marks).toEqual([["p-27", "part", 900, 1800], ["end of s-4", "part", 1800, 2700], ["p-81", "part", 2700, 3600], ["p-98", "part", 3600, 4500], ["p-114", "part", 4500, undefined]]);
  });
  it("has 10 chapters with times, Part-N markers not among them", () => {
    expect(t.sections.map((x) => x.time?.start)).toEqual([0, 498, 924, 1265, 1762, 2285, 2620, 3174, 3513, 3881]);
    expect(t.sections.some((x) => /Part/.test(x.heading))).toBe(false);
  });
  it("is a Chinese-only transcript: no English invented", () => {
    const pairs = pairsOf(t);
    expect(pairs.length).toBeGreaterThan(100);
    expect(pairs.every((p) => p.kind === "zh-only" && p.en === undefined)).toBe(true);
    expect(t.languages).toEqual({ en: 0, zh: pairs.length });
  });
  it("keeps the text after a Part-N marker in the chapter it falls in", () => {
    const s2 = t.sections[1];
    expect(s2.pairs.some((p) => p.zh?.text.startsWith("确实如此，回到工作的目的"))).toBe(true);
  });
  it("recognises speaker labels", () => {
    const speakers = new Set(pairsOf(t).map((p) => p.speaker).filter(Boolean));
    expect(speakers).toEqual(new Set(["Jensen Huang", "主持人"]));
  });
});
