// A pair's text as search tokens. English is split on whitespace, as Pagefind itself does (the
// index is `en`, so Pagefind stems it: "scaling law" finds "scaling laws"). Chinese is
// segmented here with the ICU word segmenter (Intl.Segmenter), the same one the browser applies
// to the query, since an `en` index does not segment: 扩展定律 → 扩展 定律. Latin words inside
// Chinese stay whole, punctuation is a token of its own, and a space in Chinese text becomes
// SPACE_MARK, so the text can be put back together exactly.
import type { Side } from "../model.ts";
import { renderInline } from "../site/markdown.ts";
import { SPACE_MARK, type SideLanguage } from "./marks.ts";

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

/** Tokens of one side back to its text (the inverse of the tokenizers; the search page does the same). */
export function joinTokens(tokens: readonly string[], lang: SideLanguage): string {
  if (lang === "en") return tokens.join(" ");
  return tokens.map((t) => (t === SPACE_MARK ? " " : t)).join("");
}
