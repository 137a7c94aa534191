// src/search/fields.ts: the interview around the transcript, as search indexes it.
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { loadArchive } from "../../src/ingest/load.ts";
import { fieldId, isFieldId, parseFieldId } from "../../src/search/field-ids.ts";
import { interviewFields } from "../../src/search/fields.ts";
import { SEEDS } from "../support/fixtures.ts";

const noPriors = loadArchive(SEEDS).transcripts.find((t) => t.file === "003_2b149ca5e6d99755.txt")!;

describe("interviewFields", () => {
  it("holds the title, speaker/channel, people with their glosses, companies, summary, key points, quotes and chapters", () => {
    const fields = interviewFields(noPriors);
    const text = (kind: string) => fields.filter((f) => parseFieldId(f.id).kind === kind).map((f) => f.text);
    expect(text("title")[0]).toContain("Refuting");
    expect(text("speaker")[0]).toContain("No Priors");
    expect(text("people")[0]).toContain("Jensen Huang（黄仁勋）");
    expect(text("people")[0]).toContain("Sarah Guo");
    expect(text("companies")[0]).toContain("OpenEvidence");
    expect(text("summary")[0]).toContain("黄仁勋回顾2025年AI发展");
    expect(text("point")).toHaveLength(noPriors.summary!.corePoints.length);
    expect(text("quote")).toHaveLength(noPriors.summary!.quotes.length);
    expect(text("chapter")).toHaveLength(noPriors.summary!.chapters.length);
    expect(text("s")).toEqual(noPriors.sections.filter((s) => s.heading).map((s) => s.heading));
  });

  it("gives each field a unique id that says where it leads: the summary panel, a section, or the top", () => {
    const fields = interviewFields(noPriors);
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    for (const f of fields) expect(f.id).not.toMatch(/\s/);
    const anchor = (kind: string) => fields.filter((f) => parseFieldId(f.id).kind === kind).map((f) => parseFieldId(f.id).anchor);
    expect(anchor("title")).toEqual([""]);
    expect(anchor("people")).toEqual(["summary"]);
    expect(new Set(anchor("point"))).toEqual(new Set(["summary"]));
    // A chapter of the summary leads to the section that starts at its time.
    const sections = new Set(noPriors.sections.map((s) => s.id));
    expect(anchor("chapter").filter((a) => sections.has(a)).length).toBeGreaterThan(0);
    expect(anchor("s").every((a) => sections.has(a))).toBe(true);
  });

  it("leaves out what is empty; a transcript without a summary panel leads people to the top", () => {
    const t = ingest("x.md", "---\ntitle: Plain\npeople: [Ada]\ntags: []\n---\nHello.\n\n你好。\n");
    expect(interviewFields(t).map((f) => f.id)).toEqual(["title:", "people:"]);
  });

  it("tells field ids from pair ids", () => {
    expect(isFieldId(fieldId("point", "summary", 2))).toBe(true);
    expect(fieldId("point", "summary", 2)).toBe("point2:summary");
    expect(parseFieldId("point2:summary")).toEqual({ kind: "point", anchor: "summary" });
    expect(isFieldId("p-12")).toBe(false);
  });
});
