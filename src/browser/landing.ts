// Marking, in the pair a search result landed on, the words that matched. Pure (unit-tested);
// deeplink.ts applies it to the page's text nodes.

import { HAN } from "../search/han.ts";
import { escapeRegExp } from "../regexp.ts";

/**
 * One pattern for the words, longest first. A Latin word is marked only whole ("a" not inside
 * "that"); a Chinese word wherever it is. Null when there is nothing to mark.
 */
export function markPattern(words: readonly unknown[]): RegExp | null {
  const list = words.filter((w): w is string => typeof w === "string" && w.length > 0).slice(0, 20);
  if (!list.length) return null;
  list.sort((a, b) => b.length - a.length);
  const pattern = (w: string) => (HAN.test(w) ? escapeRegExp(w) : `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`);
  return new RegExp(list.map(pattern).join("|"), "giu");
}

/** A text cut into runs, the matches of `re` marked; null when nothing matches. */
export function splitMarks(text: string, re: RegExp): { mark: boolean; text: string }[] | null {
  const out: { mark: boolean; text: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ mark: false, text: text.slice(last, m.index) });
    out.push({ mark: true, text: m[0] });
    last = m.index + m[0].length;
  }
  if (!out.length) return null;
  if (last < text.length) out.push({ mark: false, text: text.slice(last) });
  return out;
}
