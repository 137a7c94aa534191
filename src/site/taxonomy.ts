// Browsing by tag, speaker/channel, person and company. Names are normalised
// (Unicode width, case, spacing, punctuation) so that one person has one page:
// `Jensen Huang`, `jensen  huang` and `Jensen Huang（黄仁勋）` meet under one key.
// Grouping ignores case; showing does not: a name is shown as written, and one written all in
// lower case (as tag lists often are: `openai`, `ai基础设施`) in the case the archive writes it
// elsewhere (`OpenAI`, and `AI基础设施` in a heading).
import { createHash } from "node:crypto";
import type { Listing, Transcript, TranscriptCard } from "../model.ts";
import { slugify } from "../ingest/slug.ts";
import { escapeRegExp } from "../regexp.ts";

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
  /**
   * How the archive writes the term's lower-case spellings with capitals: lower-case spelling →
   * the spelling seen most (`openai` → `OpenAI`). Empty when none is written in lower case.
   */
  cased: Record<string, string>;
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

/**
 * The names in one companies entry: `OpenAI/Anthropic/Gemini` and `TSMC/SK Hynix` list several
 * (each with its own page); an entry holding a link or markup stays whole.
 */
export function companyNames(entry: string): string[] {
  const text = entry.trim();
  if (/:\/\/|[[\]<>`]/.test(text)) return text ? [text] : [];
  return text
    .split(/\s*[/／]\s*/)
    .map((n) => n.trim().replace(/^(\*\*|__|\*|_)(.+)\1$/, "$2").trim())
    .filter(Boolean);
}

const FIELDS: Record<TaxonomyKind, (t: Listing) => string[]> = {
  tags: (t) => t.meta.tags,
  speakers: (t) => [t.meta.speaker ?? t.meta.channel ?? t.meta.author].filter((s): s is string => !!s),
  people: (t) => [...t.meta.people, ...(t.meta.guest ? [t.meta.guest] : [])],
  companies: (t) => t.meta.companies.flatMap(companyNames),
};

/** A name as the taxonomy reads it: NFKC, single spaces. */
const cleanName = (raw: string) => raw.normalize("NFKC").replace(/\s+/g, " ").trim();
const hasCapitals = (name: string) => /\p{Lu}/u.test(name);
/** Written all in lower case, with letters that have a case (`openai`, `ai基础设施`; not `计算扩展定律`). */
const allLower = (name: string) => /\p{Ll}/u.test(name) && !hasCapitals(name);

/** What a transcript writes about itself in few words: title, summary, headings, summary blocks. Where names are written with care. */
function editorialText(t: Transcript): string {
  const s = t.summary;
  return [
    t.meta.title,
    t.meta.titleEn,
    t.meta.summary,
    ...t.sections.map((x) => x.heading),
    s?.tldr,
    ...(s?.chapters ?? []).flatMap((c) => [c.title, c.summary]),
    ...(s?.corePoints ?? []).map((p) => p.title),
    ...(s?.companies ?? []).map((c) => c.name),
    ...(s?.people ?? []).map((p) => p.name),
  ]
    .filter(Boolean)
    .join("\n")
    .normalize("NFKC");
}

/** Spellings of `lower` in `text` that differ from it only in case and have capitals; a Latin end of the name is a whole-word end. */
export function casedSpellings(lower: string, text: string): string[] {
  const start = /^[a-z0-9]/i.test(lower) ? "(?<![A-Za-z0-9])" : "";
  const end = /[a-z0-9]$/i.test(lower) ? "(?![A-Za-z0-9])" : "";
  const re = new RegExp(`${start}${escapeRegExp(lower)}${end}`, "giu");
  return [...text.matchAll(re)].map((m) => m[0]).filter((m) => hasCapitals(m) && m.toLowerCase() === lower);
}

/** A name as written, or, when written all in lower case, in the case the term's `cased` knows for it. */
export function shownName(name: string, cased: Readonly<Record<string, string>> | undefined): string {
  const clean = cleanName(name);
  return (allLower(clean) && cased?.[clean]) || name.trim();
}

/**
 * The spellings with capitals that a transcript's own titles, headings and summary give its names
 * written all in lower case (for its card: buildTaxonomy then needs no text).
 */
export function spellingsOf(t: Transcript): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Joined when the first name written all in lower case needs it, once.
  let text: string | undefined;
  for (const kind of Object.keys(FIELDS) as TaxonomyKind[]) {
    for (const raw of FIELDS[kind](t)) {
      const name = cleanName(raw);
      if (allLower(name) && !(name in out)) out[name] = casedSpellings(name, (text ??= editorialText(t)));
    }
  }
  return out;
}

/** Terms of every kind over transcripts' cards given newest first; terms sorted by count, then name. */
export function buildTaxonomy(transcripts: readonly TranscriptCard[]): Taxonomy {
  const result = {} as Taxonomy;
  for (const kind of Object.keys(FIELDS) as TaxonomyKind[]) {
    const byKey = new Map<string, { spellings: Map<string, number>; transcripts: TranscriptCard[] }>();
    for (const t of transcripts) {
      const seen = new Set<string>();
      for (const raw of FIELDS[kind](t)) {
        const name = cleanName(raw);
        const key = termKey(name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const entry = byKey.get(key) ?? { spellings: new Map<string, number>(), transcripts: [] as TranscriptCard[] };
        entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
        entry.transcripts.push(t);
        byKey.set(key, entry);
      }
    }
    const used = new Set<string>();
    result[kind] = [...byKey.entries()]
      .map(([key, e]) => {
        // The most used spelling; on a tie the one written with capitals ("Example Pod" over "example pod").
        const capitals = (n: string) => (n.match(/\p{Lu}/gu) ?? []).length;
        const best = [...e.spellings.entries()].reduce((b, cur) => (cur[1] > b[1] || (cur[1] === b[1] && capitals(cur[0]) > capitals(b[0])) ? cur : b))[0];
        // Lower-case spellings: how the same letters are written with capitals, in the other
        // spellings and in these transcripts' titles, headings and summaries (their cards' spellings).
        const cased: Record<string, string> = {};
        for (const lower of e.spellings.keys()) {
          if (!allLower(lower)) continue;
          const seen = new Map<string, number>();
          const add = (form: string, n: number) => seen.set(form, (seen.get(form) ?? 0) + n);
          for (const [other, n] of e.spellings) if (hasCapitals(other) && other.toLowerCase() === lower) add(other, n);
          for (const t of e.transcripts) for (const form of t.spellings[lower] ?? []) add(form, 1);
          const top = [...seen.entries()].reduce<[string, number] | undefined>((b, cur) => (!b || cur[1] > b[1] ? cur : b), undefined);
          if (top) cased[lower] = top[0];
        }
        return { kind, key, name: shownName(best, cased), slug: "", transcripts: e.transcripts.map((t) => t.slug), cased };
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

/** The term of each key, per kind: where a name has its page, and how it is shown. */
export function termIndex(taxonomy: Taxonomy): Record<TaxonomyKind, Map<string, Term>> {
  const out = {} as Record<TaxonomyKind, Map<string, Term>>;
  for (const kind of Object.keys(taxonomy) as TaxonomyKind[]) out[kind] = new Map(taxonomy[kind].map((t) => [t.key, t]));
  return out;
}

/** Years with their transcript counts, newest first (for the index filter). */
export function yearCounts(transcripts: readonly Listing[]): { year: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of transcripts) if (t.meta.date) counts.set(t.meta.date.slice(0, 4), (counts.get(t.meta.date.slice(0, 4)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([year, count]) => ({ year, count }));
}
