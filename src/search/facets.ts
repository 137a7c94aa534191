// What a search result can be filtered by: the values each record carries and the search
// page's controls offer, from the same Transcript model.
import type { Listing, Meta } from "../model.ts";
import type { SideLanguage } from "./marks.ts";

/** The filters each record carries; the search page offers one control per key. */
export interface SearchRecordFilters {
  /** The transcript's slug (unique; the page shows its title). */
  interview: string[];
  speaker: string[];
  tag: string[];
  year: string[];
  /** Languages present in the transcript's text. */
  language: SideLanguage[];
}

export const FILTER_KEYS = ["interview", "speaker", "tag", "year", "language"] as const satisfies readonly (keyof SearchRecordFilters)[];

/** Speaker/channel filter values: who speaks, whose channel it is, the guest. */
export function speakersOf(meta: Meta): string[] {
  const names = [meta.speaker, meta.channel, meta.guest, meta.speaker || meta.channel ? undefined : meta.author];
  const seen = new Set<string>();
  for (const name of names) {
    const n = name?.trim();
    if (n) seen.add(n);
  }
  return [...seen];
}

/** The byline's "who": speaker, else channel, else author (as _includes/partials/byline.njk). */
export function whoOf(meta: Meta): string | undefined {
  return meta.speaker || meta.channel || meta.author || undefined;
}

export function tagsOf(meta: Meta): string[] {
  return [...new Set(meta.tags.map((tag) => tag.trim()).filter(Boolean))];
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchFacets {
  interview: Facet[];
  speaker: Facet[];
  tag: Facet[];
  year: Facet[];
}

/** The values the search page's filter controls offer (counts are transcripts), from the same model as the records. */
export function searchFacets(transcripts: readonly (Listing & { pairs: number })[]): SearchFacets {
  const count = (map: Map<string, Facet>, value: string, label = value) => {
    const f = map.get(value);
    if (f) f.count++;
    else map.set(value, { value, label, count: 1 });
  };
  const interview = new Map<string, Facet>();
  const speaker = new Map<string, Facet>();
  const tag = new Map<string, Facet>();
  const year = new Map<string, Facet>();
  for (const t of transcripts) {
    if (!t.pairs) continue;
    count(interview, t.slug, t.meta.date ? `${t.meta.title} (${t.meta.date})` : t.meta.title);
    for (const s of speakersOf(t.meta)) count(speaker, s);
    for (const s of tagsOf(t.meta)) count(tag, s);
    if (t.meta.date) count(year, t.meta.date.slice(0, 4));
  }
  const byLabel = (a: Facet, b: Facet) => a.label.localeCompare(b.label);
  return {
    interview: [...interview.values()],
    speaker: [...speaker.values()].sort(byLabel),
    tag: [...tag.values()].sort(byLabel),
    year: [...year.values()].sort((a, b) => b.value.localeCompare(a.value)),
  };
}
