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
import { interviewFields } from "./fields.ts";
import { HAN } from "./han.ts";
import { chineseSearchTokens, englishSearchTokens, htmlToText, sideText, type SideTokens } from "./tokens.ts";

/** One transcript as one Pagefind page. */
export interface SearchRecord {
  /** `/t/<slug>/`: Pagefind gives the page the URL of its file, `t/<slug>/index.html`. */
  url: string;
  language: "en";
  /** The interview's fields (fields.ts), in search form: indexed first, weighted. */
  fields: string;
  /** The transcript's pairs, in search form. */
  content: string;
  filters: SearchRecordFilters;
}

/** A transcript's search data: its Pagefind page and its passages (passage N at index N). */
export interface TranscriptSearch {
  slug: string;
  record: SearchRecord;
  passages: Passage[];
  /** Word positions of the interview's fields, which come first (positions 0 to this - 1). */
  fieldPositions: number;
}

export interface RecordOptions {
  /** Word positions per passage (passages.ts, DEFAULT_PASSAGE_SIZE). */
  passageSize?: number;
}

interface PairTokens {
  id: string;
  en: SideTokens;
  zh: SideTokens;
}

const NONE: SideTokens = { shown: [], indexed: [] };

/** A pair's two sides as tokens; rows the parser kept as plain text go to the side of their language. */
export function pairTokens(pair: Pair): PairTokens | undefined {
  let en = pair.en ? englishSearchTokens(sideText(pair.en)) : NONE;
  let zh = pair.zh ? chineseSearchTokens(sideText(pair.zh)) : NONE;
  if (pair.kind === "text" && pair.raw) {
    const text = htmlToText(renderBlock(pair.raw.text));
    const lang = detectLanguage(text);
    if (lang === "en") en = englishSearchTokens(text);
    else if (lang === "zh") zh = chineseSearchTokens(text);
  }
  if (!en.shown.length && !zh.shown.length) return undefined;
  return { id: pair.id, en, zh };
}

/**
 * A field of the interview as a pair: text with a Chinese character on the Chinese side (its
 * tokenizer segments the Chinese and keeps Latin words whole: "Jensen Huang（黄仁勋）"), other
 * text on the English side.
 */
function fieldTokens(id: string, text: string): PairTokens {
  return HAN.test(text) ? { id, en: NONE, zh: chineseSearchTokens(text) } : { id, en: englishSearchTokens(text), zh: NONE };
}

/**
 * How much a word in the interview's fields counts against one in its transcript, for Pagefind's
 * ranking (data-pagefind-weight; 1 is the transcript's text, 10 the most Pagefind allows).
 */
export const FIELD_WEIGHT = 10;

/**
 * The search data of one transcript: the interview's fields, then its pairs in page order, as one
 * record, and that record cut into passages. Summary panels, tables of contents, headings and
 * footers are not transcript text and are not indexed. A transcript without text has none.
 */
export function transcriptSearch(t: Transcript, options: RecordOptions = {}): TranscriptSearch | undefined {
  // Each pair's tokens as text (joined once: the record and its passages are made of them).
  const pairs: PairSpan[] = [];
  const indexed: string[] = [];
  let position = 0;
  const add = (p: PairTokens) => {
    const length = p.en.shown.length + p.zh.shown.length + 2;
    pairs.push({ id: p.id, start: position, length, text: [PAIR_MARK, ...p.en.shown, SIDE_MARK, ...p.zh.shown].join(" ") });
    indexed.push([PAIR_MARK, ...p.en.indexed, SIDE_MARK, ...p.zh.indexed].join(" "));
    position += length;
  };
  // The interview's fields come first (their words then have the lowest positions, in passage 0).
  for (const f of interviewFields(t)) add(fieldTokens(f.id, f.text));
  const fieldCount = pairs.length;
  const fieldPositions = position;
  // Then the transcript's pairs, in page order, and the languages they are in.
  const language = new Set<SideLanguage>();
  for (const section of t.sections) {
    for (const pair of section.pairs) {
      const p = pairTokens(pair);
      if (!p) continue;
      if (p.en.shown.length) language.add("en");
      if (p.zh.shown.length) language.add("zh");
      add(p);
    }
  }
  if (pairs.length === fieldCount) return undefined;
  const page = `/t/${t.slug}/`;
  const who = whoOf(t.meta);
  const meta: SearchRecordMeta = { title: t.meta.title, page, ...(t.meta.date ? { date: t.meta.date } : {}), ...(who ? { who } : {}) };
  const record: SearchRecord = {
    url: page,
    language: "en",
    fields: indexed.slice(0, fieldCount).join(" "),
    content: indexed.slice(fieldCount).join(" "),
    filters: {
      interview: [t.slug],
      speaker: speakersOf(t.meta),
      tag: tagsOf(t.meta),
      year: t.meta.date ? [t.meta.date.slice(0, 4)] : [],
      language: (["en", "zh"] as const).filter((l) => language.has(l)),
    },
  };
  return { slug: t.slug, record, passages: cutPassages(pairs, meta, options.passageSize ?? DEFAULT_PASSAGE_SIZE), fieldPositions };
}

/**
 * One record as the HTML page the Pagefind CLI indexes. The fields, then the content, are the
 * body's only text, so Pagefind's word positions are the record's token positions; filters are `<meta>` tags whose
 * value Pagefind reads from the `content` attribute (`key[content]`), so no value is ever parsed.
 */
export function recordHtml(record: SearchRecord): string {
  const tags: string[] = [];
  for (const [key, values] of Object.entries(record.filters) as [string, string[]][]) {
    for (const value of values) tags.push(`<meta data-pagefind-filter="${key}[content]" content="${escapeHtml(value)}">`);
  }
  const fields = record.fields ? `<div data-pagefind-weight="${FIELD_WEIGHT}">${escapeHtml(record.fields)}</div> ` : "";
  return `<!doctype html><html lang="${record.language}"><head><meta charset="utf-8">${tags.join("")}</head><body>${fields}<div>${escapeHtml(record.content)}</div></body></html>\n`;
}

/** Search data of a whole archive, in transcript order (transcripts without text left out). */
export function archiveSearch(transcripts: readonly Transcript[], options: RecordOptions = {}): TranscriptSearch[] {
  return transcripts.flatMap((t) => transcriptSearch(t, options) ?? []);
}
