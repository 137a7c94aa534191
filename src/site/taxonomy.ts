// Browsing by tag, speaker/channel, person and company. Names are normalised
// (Unicode width, case, spacing, punctuation) so that one person has one page:
// `Jensen Huang`, `jensen  huang` and `Jensen Huang（黄仁勋）` meet under one key.
import { createHash } from "node:crypto";
import type { Listing as Transcript } from "../model.ts";
import { slugify } from "../ingest/slug.ts";

export type TaxonomyKind = "tags" | "speakers" | "people" | "companies";

export interface Term {
  kind: TaxonomyKind;
  /** The normalised key that groups spellings. */
  key: string;
  /** The name to show: the most frequent spelling (ties: the one with capitals, then the first seen). */
  name: string;
  /** ASCII URL segment, unique within the kind. */
  slug: string;
  /** Transcript slugs, newest first. */
  transcripts: string[];
}

export type Taxonomy = Record<TaxonomyKind, Term[]>;

/** The grouping key of a name: NFKC (full-width → half-width), lower case, no bracketed gloss, single spaces. */
export function termKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s*[(（【\[][^)）】\]]*[)）】\]]\s*$/u, "") // "Jensen Huang（黄仁勋）" → "Jensen Huang"
    .replace(/[·・•]/g, " ")
    .replace(/[\s_-]+/g, " ")
    .trim()
    .toLowerCase();
}

/** An ASCII slug for a term; names without enough ASCII get a short hash so that they stay distinct. */
export function termSlug(key: string): string {
  const ascii = slugify(key);
  const hasOther = /[^\x00-\x7f]/.test(key);
  if (ascii && !hasOther) return ascii;
  const hash = createHash("sha1").update(key).digest("hex").slice(0, 8);
  return ascii ? `${ascii}-${hash}` : hash;
}

const FIELDS: Record<TaxonomyKind, (t: Transcript) => string[]> = {
  tags: (t) => t.meta.tags,
  speakers: (t) => [t.meta.speaker ?? t.meta.channel ?? t.meta.author].filter((s): s is string => !!s),
  people: (t) => [...t.meta.people, ...(t.meta.guest ? [t.meta.guest] : [])],
  companies: (t) => t.meta.companies.flatMap((c) => c.split(/\s*\/\s*/)),
};

/** Terms of every kind over transcripts given newest first; terms sorted by count, then name. */
export function buildTaxonomy(transcripts: readonly Transcript[]): Taxonomy {
  const result = {} as Taxonomy;
  for (const kind of Object.keys(FIELDS) as TaxonomyKind[]) {
    const byKey = new Map<string, { spellings: Map<string, number>; transcripts: string[] }>();
    for (const t of transcripts) {
      const seen = new Set<string>();
      for (const raw of FIELDS[kind](t)) {
        const name = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
        const key = termKey(name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const entry = byKey.get(key) ?? { spellings: new Map<string, number>(), transcripts: [] as string[] };
        entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
        entry.transcripts.push(t.slug);
        byKey.set(key, entry);
      }
    }
    const used = new Set<string>();
    result[kind] = [...byKey.entries()]
      .map(([key, e]) => {
        // The most used spelling; on a tie the one written with capitals ("Example Pod" over "example pod").
        const capitals = (n: string) => (n.match(/\p{Lu}/gu) ?? []).length;
        const name = [...e.spellings.entries()].reduce((best, cur) => (cur[1] > best[1] || (cur[1] === best[1] && capitals(cur[0]) > capitals(best[0])) ? cur : best))[0];
        return { kind, key, name, slug: "", transcripts: e.transcripts };
      })
      .sort((a, b) => b.transcripts.length - a.transcripts.length || a.key.localeCompare(b.key))
      .map((term) => {
        let slug = termSlug(term.key);
        for (let n = 2; used.has(slug); n++) slug = `${termSlug(term.key)}-${n}`;
        used.add(slug);
        return { ...term, slug };
      });
  }
  return result;
}

/** Where a name of a kind has its page: the slug of its term. */
export function termIndex(taxonomy: Taxonomy): Record<TaxonomyKind, Map<string, string>> {
  const out = {} as Record<TaxonomyKind, Map<string, string>>;
  for (const kind of Object.keys(taxonomy) as TaxonomyKind[]) out[kind] = new Map(taxonomy[kind].map((t) => [t.key, t.slug]));
  return out;
}

/** Years with their transcript counts, newest first (for the index filter). */
export function yearCounts(transcripts: readonly Transcript[]): { year: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of transcripts) if (t.meta.date) counts.set(t.meta.date.slice(0, 4), (counts.get(t.meta.date.slice(0, 4)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([year, count]) => ({ year, count }));
}
