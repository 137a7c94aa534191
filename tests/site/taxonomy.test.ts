import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { cardOf } from "../../src/site/card.ts";
import { buildTaxonomy, casedSpellings, companyNames, shownName, termKey, termSlug, yearCounts } from "../../src/site/taxonomy.ts";

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
  const tax = buildTaxonomy(list.map(cardOf));
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

describe("names as written", () => {
  const list = [
    ingest("x.md", "---\ntitle: OpenAI and AI基础设施\ndate: 2024-02-01\ntags: [ai基础设施, bg2-pod, 计算扩展定律, 美国ai战略]\ncompanies_orgs: [openai, TSMC/SK Hynix]\n---\n### 建设AI基础设施\n\nHello.\n\n你好。\n"),
    ingest("y.md", "---\ntitle: Y\ndate: 2024-01-01\ntags: [robotics]\ncompanies_orgs: [Anthropic/Gemini, \"**NVIDIA**\"]\n---\nHello.\n\n你好。\n"),
    ingest("z.md", "---\ntitle: Z\ndate: 2024-01-01\ncompanies_orgs: [OpenAI/Anthropic, nvidia]\n---\nHello.\n\n你好。\n"),
  ];
  const tax = buildTaxonomy(list.map(cardOf));
  const term = (kind: "tags" | "companies", key: string) => tax[kind].find((x) => x.key === key)!;
  it("a name written all in lower case is shown in the case the archive writes it elsewhere", () => {
    // Written so in x's heading, and in its title.
    expect(term("tags", "ai基础设施").name).toBe("AI基础设施");
    expect(term("tags", "ai基础设施").cased).toEqual({ "ai基础设施": "AI基础设施" });
    // Written so in another file's front matter (and here in a title).
    expect(term("companies", "openai").name).toBe("OpenAI");
    expect(term("companies", "nvidia").name).toBe("NVIDIA");
    expect(shownName("openai", term("companies", "openai").cased)).toBe("OpenAI");
    expect(shownName("ai基础设施", term("tags", "ai基础设施").cased)).toBe("AI基础设施");
  });
  it("keeps a name's form, and a lower-case name nobody writes otherwise", () => {
    expect(term("tags", "bg2 pod").name).toBe("bg2-pod");
    expect(term("tags", "美国ai战略").name).toBe("美国ai战略");
    expect(term("tags", "计算扩展定律").name).toBe("计算扩展定律");
    expect(shownName("Jensen Huang（黄仁勋）", {})).toBe("Jensen Huang（黄仁勋）");
    expect(shownName("Example Pod", { "example pod": "EXAMPLE POD" })).toBe("Example Pod");
  });
  it("finds a spelling only as a whole Latin word", () => {
    expect(casedSpellings("ai", "OpenAI 与 AI基础设施, Aim")).toEqual(["AI"]);
    expect(casedSpellings("openai", "OpenAIs OpenAI")).toEqual(["OpenAI"]);
  });
  it("a companies entry lists its names, each with its own term; an entry with a link stays whole", () => {
    expect(companyNames("OpenAI/Anthropic/Gemini")).toEqual(["OpenAI", "Anthropic", "Gemini"]);
    expect(companyNames("TSMC / SK Hynix")).toEqual(["TSMC", "SK Hynix"]);
    expect(companyNames("**NVIDIA**")).toEqual(["NVIDIA"]);
    expect(companyNames("[OpenAI](https://openai.com/a/b)")).toEqual(["[OpenAI](https://openai.com/a/b)"]);
    expect(tax.companies.map((x) => x.name).sort()).toEqual(["Anthropic", "Gemini", "NVIDIA", "OpenAI", "SK Hynix", "TSMC"]);
  });
});
