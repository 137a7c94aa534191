// Search records: each transcript as one Pagefind page. Pure: Transcripts in, records out (no
// Pagefind, no file system); record-pages.ts writes them, the search page reads them back
// through passages.ts. docs/architecture.md, "Search", has the measurements behind the choices.
//
// A record is the transcript's aligned pairs, both languages, in page order, as tokens
// separated by single spaces, each pair opened by PAIR_MARK and its Chinese by SIDE_MARK
// (marks.ts), so a result's word positions say which pair and side every match is in. One
// bundle, one language (`en`): one wasm, one metadata file, one set of filter files, each text
// indexed once. Pagefind's time and memory follow its (page, word) pairs: a page per transcript,
// not per passage or pair.
import type { Pair, Transcript } from "../model.ts";
import { detectLanguage } from "../ingest/language.ts";
import { escapeHtml, renderBlock } from "../site/markdown.ts";
import { speakersOf, tagsOf, whoOf, type SearchRecordFilters } from "./facets.ts";
import { PAIR_MARK, SIDE_MARK, type SideLanguage } from "./marks.ts";
import { cutPassages, DEFAULT_PASSAGE_SIZE, type PairSpan, type Passage, type SearchRecordMeta } from "./passages.ts";
import { htmlToText, sideText, tokenizeChinese, tokenizeEnglish } from "./tokens.ts";

/** One transcript as one Pagefind page. */
export interface SearchRecord {
  /** `/t/<slug>/`: Pagefind gives the page the URL of its file, `t/<slug>/index.html`. */
  url: string;
  language: "en";
  content: string;
  filters: SearchRecordFilters;
}

/** A transcript's search data: its Pagefind page and its passages (passage N at index N). */
export interface TranscriptSearch {
  slug: string;
  record: SearchRecord;
  passages: Passage[];
}

export interface RecordOptions {
  /** Word positions per passage (passages.ts, DEFAULT_PASSAGE_SIZE). */
  passageSize?: number;
}

interface PairTokens {
  id: string;
  en: string[];
  zh: string[];
}

/** A pair's two sides as tokens; rows the parser kept as plain text go to the side of their language. */
export function pairTokens(pair: Pair): PairTokens | undefined {
  let en = pair.en ? tokenizeEnglish(sideText(pair.en)) : [];
  let zh = pair.zh ? tokenizeChinese(sideText(pair.zh)) : [];
  if (pair.kind === "text" && pair.raw) {
    const text = htmlToText(renderBlock(pair.raw.text));
    const lang = detectLanguage(text);
    if (lang === "en") en = tokenizeEnglish(text);
    else if (lang === "zh") zh = tokenizeChinese(text);
  }
  if (!en.length && !zh.length) return undefined;
  return { id: pair.id, en, zh };
}

/**
 * The search data of one transcript: its pairs, in page order, as one record, and that record
 * cut into passages. Summary panels, tables of contents, headings and footers are not
 * transcript text and are not indexed. A transcript without text has none.
 */
export function transcriptSearch(t: Transcript, options: RecordOptions = {}): TranscriptSearch | undefined {
  // Each pair's tokens as text (joined once: the record and its passages are made of them).
  const pairs: PairSpan[] = [];
  const language = new Set<SideLanguage>();
  let position = 0;
  for (const section of t.sections) {
    for (const pair of section.pairs) {
      const p = pairTokens(pair);
      if (!p) continue;
      if (p.en.length) language.add("en");
      if (p.zh.length) language.add("zh");
      const tokens = [PAIR_MARK, ...p.en, SIDE_MARK, ...p.zh];
      pairs.push({ id: p.id, start: position, length: tokens.length, text: tokens.join(" ") });
      position += tokens.length;
    }
  }
  if (!pairs.length) return undefined;
  const page = `/t/${t.slug}/`;
  const who = whoOf(t.meta);
  const meta: SearchRecordMeta = { title: t.meta.title, page, ...(t.meta.date ? { date: t.meta.date } : {}), ...(who ? { who } : {}) };
  const record: SearchRecord = {
    url: page,
    language: "en",
    content: pairs.map((x) => x.text).join(" "),
    filters: {
      interview: [t.slug],
      speaker: speakersOf(t.meta),
      tag: tagsOf(t.meta),
      year: t.meta.date ? [t.meta.date.slice(0, 4)] : [],
      language: (["en", "zh"] as const).filter((l) => language.has(l)),
    },
  };
  return { slug: t.slug, record, passages: cutPassages(pairs, meta, options.passageSize ?? DEFAULT_PASSAGE_SIZE) };
}

/**
 * One record as the HTML page the Pagefind CLI indexes. The content is the body's only text, so
 * Pagefind's word positions are the record's token positions; filters are `<meta>` tags whose
 * value Pagefind reads from the `content` attribute (`key[content]`), so no value is ever parsed.
 */
export function recordHtml(record: SearchRecord): string {
  const tags: string[] = [];
  for (const [key, values] of Object.entries(record.filters) as [string, string[]][]) {
    for (const value of values) tags.push(`<meta data-pagefind-filter="${key}[content]" content="${escapeHtml(value)}">`);
  }
  return `<!doctype html><html lang="${record.language}"><head><meta charset="utf-8">${tags.join("")}</head><body>${escapeHtml(record.content)}</body></html>\n`;
}

/** Search data of a whole archive, in transcript order (transcripts without text left out). */
export function archiveSearch(transcripts: readonly Transcript[], options: RecordOptions = {}): TranscriptSearch[] {
  return transcripts.flatMap((t) => transcriptSearch(t, options) ?? []);
}
