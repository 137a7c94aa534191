// The form text takes in the search index and in a query, so that variants of the same text
// match: one script (繁體 → 简体, by OpenCC's dictionaries: Taiwan variants, then traditional
// phrases and characters), full-width Latin letters, digits and signs as ASCII (ＡＩ → AI,
// ２０２６ → 2026), curly apostrophes and quotes as straight ones, and the en dash and its kin as
// a hyphen. Pages show text as written; only the index and the query take this form. Shared by
// the build (src/search/tokens.ts) and the search page (src/browser/search/query.ts), so both
// sides convert with the same function. The converter (opencc.ts, 21 KB gzip'd) is set by the
// build at once, and by the search page only for a query with a Chinese character.

import { HAN } from "./han.ts";

let toSimplified: ((text: string) => string) | undefined;

/** Sets the 繁體 → 简体 converter (opencc.ts). Until then, Chinese text is left as it is. */
export function useSimplifier(convert: (text: string) => string): void {
  toSimplified = convert;
}

export const hasSimplifier = () => toSimplified !== undefined;

// Full-width ASCII (U+FF01–U+FF5E) is ASCII shifted by 0xFEE0.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\uFF07]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2212]/g;

/** Width and punctuation folded; one UTF-16 unit for one, so offsets stay where they were. */
export function foldWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(DASHES, "-");
}

/** 繁體 → 简体 (text without a Han character is returned as it is, without the converter). */
export function simplify(text: string): string {
  if (!toSimplified || !HAN.test(text)) return text;
  return toSimplified(text);
}

/** The search form of a text: width and punctuation folded, in simplified characters. */
export function searchForm(text: string): string {
  return simplify(foldWidth(text));
}
