// A side of a pair as the text a result shows: at most `window` tokens around the matches, the
// matched words as runs to mark. Pure (unit-tested); render.ts turns it into DOM nodes.
import type { Token } from "../../search/passages.ts";
import { SPACE_MARK, type SideLanguage } from "../../search/marks.ts";

/** A run of text, marked or not. */
export interface ExcerptPart {
  mark: boolean;
  text: string;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Text was left out before the parts / after them (shown as "…"). */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The first token of the window: around the longest run of matched tokens (the quote typed),
 * else where the window holds the most matches; it starts a little before them.
 */
export function windowStart(tokens: readonly Token[], hit: ReadonlySet<number>, window: number): number {
  if (tokens.length <= window) return 0;
  const idx: number[] = [];
  tokens.forEach((t, i) => hit.has(t.pos) && idx.push(i));
  const at = (i: number) => Math.max(0, Math.min(i - Math.floor(window / 5), tokens.length - window));
  let run = 0;
  let longest = 0;
  let runStart = 0;
  idx.forEach((i, k) => {
    run = k && idx[k - 1] === i - 1 ? run + 1 : 1;
    if (run > longest) {
      longest = run;
      runStart = i - run + 1;
    }
  });
  if (longest >= 2) return at(runStart);
  let best = at(0);
  let bestCount = -1;
  for (const i of idx.length ? idx : [0]) {
    const c = idx.filter((j) => j >= at(i) && j < at(i) + window).length;
    if (c > bestCount) {
      best = at(i);
      bestCount = c;
    }
  }
  return best;
}

/**
 * The excerpt of one side. A run of matched words (and what lies between them) becomes one marked
 * part, without the punctuation at its ends ("laws," → [laws],). English tokens join with a
 * space, Chinese ones with nothing (SPACE_MARK is a space that was in the text).
 */
export function excerpt(tokens: readonly Token[], side: SideLanguage, hit: ReadonlySet<number>, window?: number): Excerpt {
  const start = window ? windowStart(tokens, hit, window) : 0;
  const end = window ? Math.min(tokens.length, start + window) : tokens.length;
  const sep = side === "en" ? " " : "";
  const parts: (ExcerptPart & { tail?: string })[] = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    const word = t.tok === SPACE_MARK ? " " : t.tok;
    const prev = parts[parts.length - 1];
    const glue = i > start ? sep : "";
    // A space between two marked words belongs to the run ("Sarah Guo" in Chinese text).
    if (t.tok === SPACE_MARK && prev?.mark && !prev.tail && i + 1 < end && hit.has(tokens[i + 1]!.pos)) {
      prev.text += " ";
      continue;
    }
    if (hit.has(t.pos)) {
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word);
      const [lead, core, tail] = m ? [m[1]!, m[2]!, m[3]!] : ["", word, ""];
      if (prev && prev.mark && !prev.tail && !lead) prev.text += glue + core;
      else parts.push({ mark: false, text: glue + lead }, { mark: true, text: core });
      parts[parts.length - 1]!.tail = tail;
      if (tail) parts.push({ mark: false, text: tail });
    } else if (prev && !prev.mark) {
      prev.text += glue + word;
    } else {
      parts.push({ mark: false, text: glue + word });
    }
  }
  return {
    parts: parts.filter((p) => p.text).map(({ mark, text }) => ({ mark, text })),
    cutStart: start > 0,
    cutEnd: end < tokens.length,
  };
}
