// The quotes page (/quotes/): every quote of every published video summary, newest interview
// first, with who said it, the interview and its date, each linking to the paragraph where it is
// said (when the ingest found it: `quote.pair`) or else to the interview; and the people to
// filter by, their spellings grouped as the browse pages group them.
import type { TranscriptCard } from "../model.ts";
import { termKey } from "./taxonomy.ts";

export interface QuoteEntry {
  text: string;
  /** Who said it: the quote's own `— name`, else the speaker of the paragraph it is linked to. */
  by?: string;
  /** The grouping key of `by`, for the filter (`""` when nobody is named). */
  person: string;
  slug: string;
  title: string;
  date?: string;
  /** The paragraph's id when the quote is linked to it. */
  pair?: string;
  /** Where the entry links: `/t/<slug>/#p-N`, or `/t/<slug>/`. */
  href: string;
}

export interface QuotePerson {
  key: string;
  /** The most used spelling (ties: the first seen). */
  name: string;
  count: number;
}

export interface QuotesPage {
  entries: QuoteEntry[];
  people: QuotePerson[];
}

/** Transcripts' cards given newest first (as the archive sorts them); quotes in the order of their summary. */
export function buildQuotes(published: readonly Pick<TranscriptCard, "slug" | "meta" | "quotes">[]): QuotesPage {
  const entries: QuoteEntry[] = [];
  const spellings = new Map<string, Map<string, number>>();
  for (const t of published) {
    for (const q of t.quotes) {
      const person = q.by ? termKey(q.by) : "";
      if (q.by && person) {
        const names = spellings.get(person) ?? new Map<string, number>();
        names.set(q.by, (names.get(q.by) ?? 0) + 1);
        spellings.set(person, names);
      }
      entries.push({ text: q.text, by: q.by, person, slug: t.slug, title: t.meta.title, date: t.meta.date, pair: q.pair, href: `/t/${t.slug}/${q.pair ? `#${q.pair}` : ""}` });
    }
  }
  const people = [...spellings.entries()]
    .map(([key, names]) => ({
      key,
      name: [...names.entries()].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0],
      count: [...names.values()].reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { entries, people };
}
