// A pair's text as search tokens. English is split on whitespace, as Pagefind itself does (the
// index is `en`, so Pagefind stems it: "scaling law" finds "scaling laws"). Chinese is
// segmented here with the ICU word segmenter (Intl.Segmenter, han.ts), by the same code the
// search page applies to the query, since an `en` index does not segment: 扩展定律 → 扩展 定律.
// Latin words inside Chinese stay whole, punctuation is a token of its own, and a space in
// Chinese text becomes SPACE_MARK, so the text can be put back together exactly.
import type { Side } from "../model.ts";
import { renderInline } from "../site/markdown.ts";
import { HAN_RUN, hanWords } from "./han.ts";
import { SPACE_MARK, type SideLanguage } from "./marks.ts";
import { openccSimplifier } from "./opencc.ts";
import { searchForm, useSimplifier } from "./search-form.ts";

// The index is built in search form, 繁體 read as 简体.
useSimplifier(openccSimplifier);

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const MARKS = /[\u241E\u241F\u2420\u200B]/g;

/** HTML (as rendered by src/site/markdown.ts) → the plain text a reader sees. */
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

// Han runs are segmented into words (han.ts); outside them, words (letters/digits, joined by
// - ' . _ / & +), else one symbol per token.
const OTHER_TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’.\-_/&+][\p{L}\p{N}\p{M}]+)*|\S/gu;

/** English text → word tokens (whitespace-separated, as Pagefind splits them). */
export function tokenizeEnglish(text: string): string[] {
  return text.replace(MARKS, "").split(/\s+/).filter(Boolean);
}

/** A token of Chinese text: where it is (UTF-16 offsets), or a run of whitespace (SPACE_MARK). */
type Span = { start: number; end: number } | "space";

function chineseSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /\s+|\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/^\s/.test(m[0])) {
      out.push("space");
      continue;
    }
    const piece = m[0];
    let at = m.index;
    let rest = piece;
    while (rest) {
      const [h] = rest.matchAll(HAN_RUN); // the first Han run of the rest, if any
      const before = h ? rest.slice(0, h.index) : rest;
      for (const o of before.matchAll(OTHER_TOKEN)) out.push({ start: at + o.index, end: at + o.index + o[0].length });
      if (!h) break;
      let w = at + h.index;
      for (const word of hanWords(h[0])) {
        const i = text.indexOf(word, w);
        out.push({ start: i, end: i + word.length });
        w = i + word.length;
      }
      at += h.index + h[0].length;
      rest = rest.slice(h.index + h[0].length);
    }
  }
  return out;
}

const cut = (text: string, spans: Span[]) => spans.map((s) => (s === "space" ? SPACE_MARK : text.slice(s.start, s.end)));

/**
 * Chinese text → tokens: Han runs segmented into words (ICU, as `Intl.Segmenter` in the
 * browser), Latin words kept whole, punctuation one token each, each run of whitespace `␠`.
 */
export function tokenizeChinese(text: string): string[] {
  const clean = text.replace(MARKS, "").trim();
  return cut(clean, chineseSpans(clean));
}

/** A side's tokens as written (what a passage shows) and in search form (what the index holds), one for one. */
export interface SideTokens {
  shown: string[];
  indexed: string[];
}

/**
 * Chinese text → its tokens as written and in search form (search-form.ts). The search form is
 * segmented, as the browser segments a query in that form, and the text as written is cut at the
 * same places; where the conversion changed the length (rare), each token is converted alone.
 */
export function chineseSearchTokens(text: string): SideTokens {
  const clean = text.replace(MARKS, "").trim();
  const form = searchForm(clean);
  if (form.length === clean.length) {
    const spans = chineseSpans(form);
    return { shown: cut(clean, spans), indexed: cut(form, spans) };
  }
  const shown = tokenizeChinese(clean);
  return { shown, indexed: shown.map((t) => (t === SPACE_MARK ? t : searchForm(t))) };
}

/** English text → its tokens as written and in search form, one for one. */
export function englishSearchTokens(text: string): SideTokens {
  const shown = tokenizeEnglish(text);
  return { shown, indexed: shown.map(searchForm) };
}

/** Tokens of one side back to its text (the inverse of the tokenizers; the search page does the same). */
export function joinTokens(tokens: readonly string[], lang: SideLanguage): string {
  if (lang === "en") return tokens.join(" ");
  return tokens.map((t) => (t === SPACE_MARK ? " " : t)).join("");
}
