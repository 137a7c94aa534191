// Everything the index and the browse pages show, computed once per build
// from the published transcripts.
import type { Listing as Transcript, TranscriptCard } from "../model.ts";
import { buildTaxonomy, termIndex, yearCounts, type Taxonomy, type TaxonomyKind, type Term } from "./taxonomy.ts";

export interface Browse {
  taxonomy: Taxonomy;
  /** Every term of every kind, one browse page each. */
  terms: Term[];
  years: { year: string; count: number }[];
  bySlug: Record<string, Transcript>;
  /** Term key → term, per kind: where a name on a transcript page links to, and how it is shown. */
  termsByKey: Record<TaxonomyKind, Map<string, Term>>;
}

export function buildBrowse(published: readonly TranscriptCard[]): Browse {
  const taxonomy = buildTaxonomy(published);
  return {
    taxonomy,
    terms: Object.values(taxonomy).flat(),
    years: yearCounts(published),
    bySlug: Object.fromEntries(published.map((t) => [t.slug, t])),
    termsByKey: termIndex(taxonomy),
  };
}
