// src/search/shards.ts: which shard of the search index each transcript goes into.
import { describe, expect, it } from "vitest";
import { assignShards, type ShardItem } from "../../src/search/shards.ts";

const item = (slug: string, date?: string, bytes = 100): ShardItem => ({ slug, date, bytes });
const limits = { count: 4, bytes: 1000 };

/** A deterministic archive: n items over the given years, one a week or so. */
function archive(n: number, years: number[], bytes = 100): ShardItem[] {
  return Array.from({ length: n }, (_, i) => {
    const year = years[i % years.length]!;
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 27) + 1).padStart(2, "0");
    return item(`t${String(i).padStart(4, "0")}`, `${year}-${month}-${day}`, bytes);
  });
}

const slugsOf = (shards: ReturnType<typeof assignShards>) => shards.flatMap((s) => s.slugs).sort();

describe("assignShards", () => {
  it("puts every transcript in exactly one shard, none over the limits, newest first, undated last", () => {
    const items = [...archive(37, [2023, 2024, 2025]), item("u1"), item("u2", "not a date")];
    const shards = assignShards(items, limits);
    expect(slugsOf(shards)).toEqual(items.map((i) => i.slug).sort());
    const bySlug = new Map(items.map((i) => [i.slug, i]));
    for (const s of shards) {
      expect(s.slugs.length).toBeLessThanOrEqual(limits.count);
      expect(s.slugs.reduce((n, slug) => n + bySlug.get(slug)!.bytes, 0)).toBeLessThanOrEqual(limits.bytes);
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(new Set(shards.map((s) => s.id)).size).toBe(shards.length);
    const dated = shards.filter((s) => s.to);
    expect(dated.map((s) => s.to)).toEqual(dated.map((s) => s.to).sort().reverse());
    expect(shards.at(-1)!.id).toBe("undated");
    expect(shards.at(-1)!.from).toBeUndefined();
  });

  it("keeps a year whole while it fits, then cuts it into runs of months, then a month by hash", () => {
    expect(assignShards([item("a", "2024-01-02"), item("b", "2024-12-30"), item("c", "2025-03-01")], limits).map((s) => s.id)).toEqual(["y2025", "y2024"]);
    const year = Array.from({ length: 10 }, (_, i) => item(`m${i}`, `2024-${String(i + 1).padStart(2, "0")}-01`));
    expect(assignShards(year, limits).map((s) => s.id)).toEqual(["y2024m09-10", "y2024m05-08", "y2024m01-04"]);
    const month = Array.from({ length: 9 }, (_, i) => item(`d${i}`, "2024-03-01"));
    const cut = assignShards(month, limits);
    expect(cut.every((s) => /^y2024m03p\d$/.test(s.id))).toBe(true);
    expect(slugsOf(cut)).toEqual(month.map((i) => i.slug).sort());
    // By size too: two large transcripts do not share a shard.
    expect(assignShards([item("x", "2024-01-01", 800), item("y", "2024-01-02", 800)], limits)).toHaveLength(2);
  });

  it("gives the same shards for the same archive, in any order", () => {
    const items = archive(60, [2022, 2023, 2024, 2025]);
    expect(assignShards([...items].reverse(), limits)).toEqual(assignShards(items, limits));
  });

  it("changes one shard when one transcript is edited, and one (the newest) when one is added", () => {
    const items = archive(200, [2021, 2022, 2023, 2024, 2025], 150);
    const big = { count: 30, bytes: 30 * 150 };
    const before = new Map(assignShards(items, big).map((s) => [s.id, s.slugs.join(" ")]));
    const changed = (after: ReturnType<typeof assignShards>) => after.filter((s) => before.get(s.id) !== s.slugs.join(" ")).map((s) => s.id);
    // Edited: its text grew a little; its date stayed.
    const edited = items.map((i) => (i.slug === "t0042" ? { ...i, bytes: 160 } : i));
    expect(changed(assignShards(edited, big))).toEqual([]);
    // Added: a new interview, dated after the others.
    const added = [...items, item("new", "2025-12-31", 150)];
    const after = assignShards(added, big);
    expect(changed(after)).toHaveLength(1);
    expect(after[0]!.slugs).toContain("new");
  });
});
