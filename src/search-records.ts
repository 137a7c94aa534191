// Search records: the transcript text as Pagefind records and as the passage files the search
// page reads. Pure: Transcripts in, records out (no Pagefind, no file system); the files are
// written by scripts/search-index.ts and read by _includes/assets/search.js. See README,
// "Search design", for the measurements behind the choices below.
//
// One Pagefind page per transcript: its aligned pairs, both languages, in page order, as a
// sequence of tokens separated by single spaces:
//
//   ␞ <English tokens> ␟ <Chinese tokens> ␞ <English tokens> ␟ <Chinese tokens> …
//
// - `␞` (PAIR_MARK) opens a pair, `␟` (SIDE_MARK) ends its English side. Neither is a letter or
//   digit, so Pagefind indexes no word for them, but each takes one word position. A result's
//   word positions (`result.words`) therefore say which pair and side each match is in.
// - The search page never loads Pagefind's fragment of a page (it would be the whole
//   transcript). It reads *passages* instead: passage N of a transcript holds every pair with a
//   token at word positions [N × size, (N + 1) × size), with the position of its first token,
//   so a match at position p is in passage ⌊p / size⌋. A passage file carries the interview's
//   title, date and speaker too: one small file per result shown.
// - English is split on whitespace, as Pagefind itself does, and the whole index is `en`, so
//   English words are stemmed ("scaling law" finds "scaling laws").
// - Chinese is segmented here, with the same ICU word segmenter (Intl.Segmenter) the browser
//   uses for the query, since an `en` index does not segment: 扩展定律 → 扩展 定律. Latin words
//   inside Chinese text stay whole, punctuation is its own token, and a space that was in the
//   Chinese text becomes the token `␠` (SPACE_MARK), so the text can be put back together
//   exactly: Chinese tokens join with nothing, `␠` becomes a space.
// - One bundle, one language: one wasm, one metadata file, one set of filter files, each text
//   indexed once. Pagefind's time and memory follow its (page, word) pairs, so a page per
//   transcript rather than per passage or per pair (README has the numbers).
import type { Meta, Pair, Side, Transcript } from "./model.ts";
import { escapeHtml, renderBlock, renderInline } from "./markdown.ts";
import { detectLanguage } from "./language.ts";

export const PAIR_MARK = "\u241E";
export const SIDE_MARK = "\u241F";
export const SPACE_MARK = "\u2420";

/** Short language code used in filters and the UI. */
export type SideLanguage = "en" | "zh";

/** The interview a passage belongs to, as a result names it. */
export interface SearchRecordMeta {
  /** Interview title, as on its page. */
  title: string;
  /** `/t/<slug>/`, root-relative (the search page adds the site base). */
  page: string;
  /** ISO date `YYYY-MM-DD`, when known. */
  date?: string;
  /** Speaker, channel or author, as in the byline. */
  who?: string;
}

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

/** One transcript as one Pagefind page. */
export interface SearchRecord {
  /** `/t/<slug>/`: Pagefind gives the page the URL of its file, `t/<slug>/index.html`. */
  url: string;
  language: "en";
  content: string;
  filters: SearchRecordFilters;
}

/** What the search page fetches to show a match (`<bundle>passages/<slug>/<N>.json`). */
export interface Passage extends SearchRecordMeta {
  /** Word position, in the transcript's record, of the first token of `content`. */
  start: number;
  /** Ids of the pairs in this passage, in content order, separated by spaces (`p-12 p-13`). */
  pairs: string;
  /** The pairs' tokens, as in the record. */
  content: string;
}

/** A transcript's search data: its Pagefind page and its passages (passage N at index N). */
export interface TranscriptSearch {
  slug: string;
  record: SearchRecord;
  passages: Passage[];
}

export const FILTER_KEYS = ["interview", "speaker", "tag", "year", "language"] as const satisfies readonly (keyof SearchRecordFilters)[];

export interface RecordOptions {
  /**
   * Word positions per passage. Bigger passages mean fewer files but more bytes per result
   * shown (one passage each), and more files to write. Default 3000: about 6.7 KB gzip, 11
   * passages for a transcript of the synthetic archive (README has 1,500 measured too).
   */
  passageSize?: number;
}

export const DEFAULT_PASSAGE_SIZE = 3000;

// ---------------------------------------------------------------------------------------------
// Text

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const MARKS = /[\u241E\u241F\u2420\u200B]/g;

/** HTML (as rendered by src/markdown.ts) → the plain text a reader sees. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<\/(p|li|h[1-6]|tr|td|th|blockquote|pre|div)>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(MARKS, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** One side of a pair as plain text, its speaker label first (as the page shows it: "Alex Shall we…"). */
export function sideText(side: Side): string {
  const text = htmlToText(renderInline(side.text));
  return side.speaker ? `${side.speaker} ${text}` : text;
}

// Han characters (and the ideographic iteration and zero marks) are segmented into words.
const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/u;
// Outside Han runs: words (letters/digits, joined by - ' . _ / & +), else one symbol per token.
const OTHER_TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’.\-_/&+][\p{L}\p{N}\p{M}]+)*|\S/gu;

let segmenter: Intl.Segmenter | undefined;
function hanWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(run)) if (segment.trim()) out.push(segment);
  return out;
}

/** English text → word tokens (whitespace-separated, as Pagefind splits them). */
export function tokenizeEnglish(text: string): string[] {
  return text.replace(MARKS, "").split(/\s+/).filter(Boolean);
}

/**
 * Chinese text → tokens: Han runs segmented into words (ICU, as `Intl.Segmenter` in the
 * browser), Latin words kept whole, punctuation one token each, each run of whitespace `␠`.
 */
export function tokenizeChinese(text: string): string[] {
  const out: string[] = [];
  const clean = text.replace(MARKS, "").trim();
  for (const piece of clean.split(/(\s+)/)) {
    if (!piece) continue;
    if (/^\s+$/.test(piece)) {
      out.push(SPACE_MARK);
      continue;
    }
    let rest = piece;
    while (rest) {
      const m = HAN_RUN.exec(rest);
      const before = m ? rest.slice(0, m.index) : rest;
      if (before) out.push(...(before.match(OTHER_TOKEN) ?? []));
      if (!m) break;
      out.push(...hanWords(m[0]));
      rest = rest.slice(m.index + m[0].length);
    }
  }
  return out;
}

/** Tokens of one side back to its text (the inverse of the tokenizers; search.js does the same). */
export function joinTokens(tokens: readonly string[], lang: SideLanguage): string {
  if (lang === "en") return tokens.join(" ");
  return tokens.map((t) => (t === SPACE_MARK ? " " : t)).join("");
}

// ---------------------------------------------------------------------------------------------
// Facets

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
export function searchFacets(transcripts: readonly Transcript[]): SearchFacets {
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
    if (!t.sections.some((s) => s.pairs.length)) continue;
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

// ---------------------------------------------------------------------------------------------
// Records

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
 * cut into passages of `passageSize` word positions (a pair overlapping two passages is in
 * both). Summary panels, tables of contents, headings and footers are not transcript text and
 * are not indexed. A transcript without text has none.
 */
export function transcriptSearch(t: Transcript, options: RecordOptions = {}): TranscriptSearch | undefined {
  const size = options.passageSize ?? DEFAULT_PASSAGE_SIZE;
  // Each pair's tokens as text (joined once: the record and its passages are made of them).
  const pairs: { p: PairTokens; start: number; length: number; text: string }[] = [];
  let position = 0;
  for (const section of t.sections) {
    for (const pair of section.pairs) {
      const p = pairTokens(pair);
      if (!p) continue;
      const tokens = [PAIR_MARK, ...p.en, SIDE_MARK, ...p.zh];
      pairs.push({ p, start: position, length: tokens.length, text: tokens.join(" ") });
      position += tokens.length;
    }
  }
  if (!pairs.length) return undefined;
  const page = `/t/${t.slug}/`;
  const who = whoOf(t.meta);
  const meta: SearchRecordMeta = { title: t.meta.title, page, ...(t.meta.date ? { date: t.meta.date } : {}), ...(who ? { who } : {}) };
  const language: SideLanguage[] = [];
  if (pairs.some((x) => x.p.en.length)) language.push("en");
  if (pairs.some((x) => x.p.zh.length)) language.push("zh");
  const record: SearchRecord = {
    url: page,
    language: "en",
    content: pairs.map((x) => x.text).join(" "),
    filters: {
      interview: [t.slug],
      speaker: speakersOf(t.meta),
      tag: tagsOf(t.meta),
      year: t.meta.date ? [t.meta.date.slice(0, 4)] : [],
      language,
    },
  };
  const members: (typeof pairs)[] = [];
  for (const x of pairs) {
    const last = Math.floor((x.start + x.length - 1) / size);
    for (let n = Math.floor(x.start / size); n <= last; n++) (members[n] ??= []).push(x);
  }
  const passages = members.map(
    (group): Passage => ({
      ...meta,
      start: group[0]!.start,
      pairs: group.map((x) => x.p.id).join(" "),
      content: group.map((x) => x.text).join(" "),
    }),
  );
  return { slug: t.slug, record, passages };
}

/**
 * One record as the HTML page the Pagefind CLI indexes (scripts/search-index.ts writes one file
 * per transcript; the CLI indexes files in parallel and about twice as fast as the Node API
 * takes the same records). The content is the body's only text, so Pagefind's word positions
 * are the record's token positions; filters are `<meta>` tags whose value Pagefind reads from
 * the `content` attribute (`key[content]`), so no value is ever parsed.
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

// ---------------------------------------------------------------------------------------------
// Reading a record back (the search page does the same in JavaScript; tests use this one)

export interface PassagePair {
  id: string;
  /** Word positions of the English tokens, and the tokens. */
  en: { start: number; tokens: string[] };
  zh: { start: number; tokens: string[] };
}

/** Passage content + its pair ids (+ the position of its first token) → each pair's tokens with their word positions. */
export function parsePassage(content: string, pairIds: string, start = 0): PassagePair[] {
  const ids = pairIds.split(" ").filter(Boolean);
  const tokens = content.split(" ");
  const out: PassagePair[] = [];
  let current: PassagePair | undefined;
  let side: "en" | "zh" = "en";
  tokens.forEach((tok, i) => {
    const pos = start + i;
    if (tok === PAIR_MARK) {
      current = { id: ids[out.length] ?? `?${out.length}`, en: { start: pos + 1, tokens: [] }, zh: { start: pos + 1, tokens: [] } };
      out.push(current);
      side = "en";
    } else if (tok === SIDE_MARK && current) {
      side = "zh";
      current.zh.start = pos + 1;
    } else if (current) {
      current[side].tokens.push(tok);
    }
  });
  return out;
}
