import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { buildTaxonomy, termKey, termSlug, yearCounts } from "../../src/site/taxonomy.ts";

const t = (file: string, fm: string) => ingest(file, `---\n${fm}\n---\nHello.\n\n你好。\n`);

describe("term keys", () => {
  it("meet across case, spacing, full-width letters and a bracketed gloss", () => {
    const key = termKey("Jensen Huang");
    expect(termKey("jensen  huang")).toBe(key);
    expect(termKey("Ｊｅｎｓｅｎ　Ｈｕａｎｇ")).toBe(key);
    expect(termKey("Jensen Huang（黄仁勋）")).toBe(key);
    expect(termKey("Jensen Huang (黄仁勋)")).toBe(key);
    expect(termKey("ＡＩ")).toBe("ai");
    expect(termKey("Jensen·Huang")).toBe(key);
  });
  it("slugs are ASCII and stay distinct for names in Chinese", () => {
    expect(termSlug("bg2 pod")).toBe("bg2-pod");
    expect(termSlug("计算扩展定律")).toMatch(/^[0-9a-f]{8}$/);
    expect(termSlug("美国ai战略")).not.toBe(termSlug("ai基础设施"));
    expect(termSlug("美国ai战略")).toMatch(/^ai-[0-9a-f]{8}$/);
  });
});

describe("taxonomy", () => {
  const list = [
    t("b.md", "title: B\ndate: 2024-01-01\nspeaker: example  pod\ntags: [robotics, ＡＩ]\npeople: [jensen huang]\ncompanies_orgs: [OpenAI/Anthropic]"),
    t("a.md", "title: A\ndate: 2023-01-01\nspeaker: Example Pod\ntags: [Robotics, AI]\npeople: [Jensen Huang, Jensen Huang]"),
    t("c.md", "title: C\ndate: 2023-06-01\nspeaker: Other\ntags: [Energy]\npeople: [Jensen Huang（黄仁勋）]"),
  ];
  const tax = buildTaxonomy(list);
  it("groups spellings under one term, counts each transcript once, most used first", () => {
    expect(tax.tags.map((x) => [x.key, x.transcripts.length])).toEqual([["ai", 2], ["robotics", 2], ["energy", 1]]);
    expect(tax.people).toHaveLength(1);
    expect(tax.people[0].transcripts).toEqual(["b", "a", "c"]);
    expect(tax.speakers.map((x) => [x.key, x.transcripts])).toEqual([["example pod", ["b", "a"]], ["other", ["c"]]]);
  });
  it("splits company lists written with a slash", () => {
    expect(tax.companies.map((x) => x.name).sort()).toEqual(["Anthropic", "OpenAI"]);
  });
  it("counts years newest first", () => {
    expect(yearCounts(list)).toEqual([{ year: "2024", count: 1 }, { year: "2023", count: 2 }]);
  });
});
