// Search records: the transcript text as Pagefind custom records. Pure: Transcripts in, records
// out (no Pagefind, no file system); the Pagefind calls live in scripts/search-index.ts and the
// reading side in _includes/assets/search.js. See README, "Search design", for the measurements
// behind the choices below.
//
// One record is a *passage*: a run of consecutive aligned pairs of one transcript, both
// languages, in page order. Its content is a sequence of tokens separated by single spaces:
//
//   ␞ <English tokens> ␟ <Chinese tokens> ␞ <English tokens> ␟ <Chinese tokens> …
//
// - `␞` (PAIR_MARK) opens a pair, `␟` (SIDE_MARK) ends its English side. Neither is a letter or
//   digit, so Pagefind indexes no word for them, but each takes one word position; the search
//   page splits the fragment content on spaces and maps a match's word position back to its
//   pair (ids in `meta.pairs`, in order) and side. That gives deep links to `#p-N` and the
//   translation beside the matched text from the one fragment.
// - English is split on whitespace, as Pagefind itself does, and the whole index is `en`, so
//   English words are stemmed ("scaling law" finds "scaling laws").
// - Chinese is segmented here, with the same ICU word segmenter (Intl.Segmenter) the browser
//   uses for the query, since an `en` index does not segment: 扩展定律 → 扩展 定律. Latin words
//   inside Chinese text stay whole, punctuation is its own token, and a space that was in the
//   Chinese text becomes the token `␠` (SPACE_MARK), so the text can be put back together
//   exactly: Chinese tokens join with nothing, `␠` becomes a space.
// - One bundle, one language: one wasm, one metadata file, one set of filter files, each text
//   indexed once. A per-pair-per-language record design (two indexes, the other language in
//   `meta`) was measured at 1,000 transcripts and rejected: Pagefind also indexes every `meta`
//   value, and the metadata file grows by ~10 bytes per record (README has the numbers).
import type { Meta, Pair, Side, Transcript } from "./model.ts";
import { escapeHtml, renderBlock, renderInline } from "./markdown.ts";
import { detectLanguage } from "./language.ts";

export const PAIR_MARK = "\u241E";
export const SIDE_MARK = "\u241F";
export const SPACE_MARK = "\u2420";

/** Short language code used in filters and the UI. */
export type SideLanguage = "en" | "zh";

/** What the search page reads back from a result (`result.data().meta`). Pagefind meta is strings only. */
export interface SearchRecordMeta {
  /** Interview title, as on its page. */
  title: string;
  /** `/t/<slug>/`, root-relative (the search page adds the site base). */
  page: string;
  /** Ids of the pairs in this passage, in content order, separated by spaces (`p-12 p-13`). */
  pairs: string;
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
  /** Languages present in the passage. */
  language: SideLanguage[];
}

/** One Pagefind custom record (the argument of `index.addCustomRecord`). */
export interface SearchRecord {
  /** Root-relative URL of the passage's first pair: `/t/<slug>/#p-12`. Unique in the index. */
  url: string;
  language: "en";
  content: string;
  meta: SearchRecordMeta;
  filters: SearchRecordFilters;
}

export const FILTER_KEYS = ["interview", "speaker", "tag", "year", "language"] as const satisfies readonly (keyof SearchRecordFilters)[];

export interface RecordOptions {
  /**
   * Word positions per passage before a new record starts (a pair is never split). Bigger
   * passages mean fewer records (a smaller metadata file, loaded once per search session) but
   * bigger fragments (one loaded per result shown). Default 3000, measured in README
   * (1,000 transcripts: 11.7k records, a 0.1 MB metadata file, fragments of ~6 KB).
   */
  maxTokens?: number;
}

export const DEFAULT_MAX_TOKENS = 3000;

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
 * The records of one transcript: its pairs, in page order, grouped into passages of about
 * `maxTokens` word positions. Summary panels, tables of contents, headings and footers are not
 * transcript text and are not indexed.
 */
export function transcriptRecords(t: Transcript, options: RecordOptions = {}): SearchRecord[] {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const page = `/t/${t.slug}/`;
  const base = {
    title: t.meta.title,
    ...(t.meta.date ? { date: t.meta.date } : {}),
    ...(whoOf(t.meta) ? { who: whoOf(t.meta) } : {}),
  };
  const common = {
    interview: [t.slug],
    speaker: speakersOf(t.meta),
    tag: tagsOf(t.meta),
    year: t.meta.date ? [t.meta.date.slice(0, 4)] : [],
  };
  const out: SearchRecord[] = [];
  let group: PairTokens[] = [];
  let size = 0;
  const flush = () => {
    if (!group.length) return;
    const tokens: string[] = [];
    for (const p of group) tokens.push(PAIR_MARK, ...p.en, SIDE_MARK, ...p.zh);
    const language: SideLanguage[] = [];
    if (group.some((p) => p.en.length)) language.push("en");
    if (group.some((p) => p.zh.length)) language.push("zh");
    out.push({
      url: `${page}#${group[0]!.id}`,
      language: "en",
      content: tokens.join(" "),
      meta: { ...base, page, pairs: group.map((p) => p.id).join(" ") },
      filters: { ...common, language },
    });
    group = [];
    size = 0;
  };
  for (const section of t.sections) {
    for (const pair of section.pairs) {
      const p = pairTokens(pair);
      if (!p) continue;
      const n = p.en.length + p.zh.length + 2;
      if (size && size + n > maxTokens) flush();
      group.push(p);
      size += n;
    }
  }
  flush();
  return out;
}

/**
 * One record as the HTML page the Pagefind CLI indexes (scripts/search-index.ts writes one file
 * per record; the CLI indexes files in parallel and about twice as fast as the Node API takes
 * the same records). The content is the body's only text, so Pagefind's word positions are
 * the record's token positions; meta and filters are `<meta>` tags whose value Pagefind reads
 * from the `content` attribute (`key[content]`), so no value is ever parsed. Pagefind gives
 * the record the URL of its file; the search page links with `meta.page` and `meta.pairs`.
 */
export function recordHtml(record: SearchRecord): string {
  const tags: string[] = [];
  for (const [key, value] of Object.entries(record.meta)) {
    if (typeof value === "string") tags.push(`<meta data-pagefind-meta="${key}[content]" content="${escapeHtml(value)}">`);
  }
  for (const [key, values] of Object.entries(record.filters) as [string, string[]][]) {
    for (const value of values) tags.push(`<meta data-pagefind-filter="${key}[content]" content="${escapeHtml(value)}">`);
  }
  return `<!doctype html><html lang="${record.language}"><head><meta charset="utf-8">${tags.join("")}</head><body>${escapeHtml(record.content)}</body></html>\n`;
}

/** Records of a whole archive, in transcript order. */
export function archiveRecords(transcripts: readonly Transcript[], options: RecordOptions = {}): SearchRecord[] {
  return transcripts.flatMap((t) => transcriptRecords(t, options));
}

// ---------------------------------------------------------------------------------------------
// Reading a record back (the search page does the same in JavaScript; tests use this one)

export interface PassagePair {
  id: string;
  /** Word positions of the English tokens, and the tokens. */
  en: { start: number; tokens: string[] };
  zh: { start: number; tokens: string[] };
}

/** Record content + `meta.pairs` → each pair's tokens with their word positions. */
export function parsePassage(content: string, pairIds: string): PassagePair[] {
  const ids = pairIds.split(" ").filter(Boolean);
  const tokens = content.split(" ");
  const out: PassagePair[] = [];
  let current: PassagePair | undefined;
  let side: "en" | "zh" = "en";
  tokens.forEach((tok, pos) => {
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
