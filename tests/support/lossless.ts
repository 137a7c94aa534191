// "Nothing lost", as a test can check it: every word of every block of a
// transcript's body is somewhere in the model that pages and search are made
// from, at least as often as in the source.
//
// Words are runs of letters and digits (`\p{L}\p{N}`), so markdown markup,
// punctuation and whitespace may change between source and model, but text
// may not go missing. What the parser takes as structure, not text, is not
// expected back:
// - the markup of an understood `<details>` pair (tags and `<summary>` label);
//   HTML entities (the pair's English is stored decoded);
// - chunk-marker headings (`(15:00 - 30:00) Part 2`), by design part of the flow;
// - in a video summary: the label headings of summary blocks (`## 📑 章节导航表`,
//   the `##` above the transcript), the header rows of their tables, and the
//   emoji / number decoration of sub-headings.
import { scanBlocks, type Block } from "../../src/ingest/blocks.ts";
import type { Transcript } from "../../src/model.ts";
import { labelText, recogniseLabel } from "../../src/ingest/summary.ts";
import { isChunkMarker, splitHeadingTime } from "../../src/ingest/timecode.ts";

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Every string in a value (objects and arrays walked). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** The text of the model that comes from a body: sections, summary, and the title (which an H1 becomes). */
export function modelText(t: Transcript): string {
  return [t.meta.title, t.meta.titleEn ?? "", ...strings(t.sections), ...strings(t.summary ?? {})].join("\n");
}

const ENTITY = /&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/gi;

/** The words of one source block that the model must hold. */
export function expectedWords(block: Block, videoSummary: boolean): string[] {
  let text = block.text;
  if (block.kind === "rule") return [];
  if (block.kind === "heading") {
    const { time, title } = splitHeadingTime(text);
    if (isChunkMarker(title)) return [];
    if (videoSummary) {
      if (block.level! <= 3 && recogniseLabel(text)) return [];
      return words(`${time?.label ?? ""} ${labelText(title)}`);
    }
    return words(text);
  }
  if (block.kind === "details") {
    text = text.replace(/<summary\b[^>]*>[\s\S]*?<\/summary>/gi, " ").replace(/<\/?[a-z][^>]*>/gi, " ");
  }
  if (block.kind === "table" && videoSummary) text = text.split("\n").slice(1).join("\n");
  return words(text.replace(ENTITY, " "));
}

export interface Loss {
  word: string;
  expected: number;
  found: number;
}

/**
 * The words of `body` (its first line is file line `bodyLine`) that the model of
 * `t` does not hold as often as the body does. Empty when nothing was lost.
 */
export function lostWords(body: string, t: Transcript, bodyLine = 1): Loss[] {
  const video = t.shape === "video-summary";
  const expected = count(scanBlocks(body, bodyLine).flatMap((b) => expectedWords(b, video)));
  const found = count(words(modelText(t)));
  const lost: Loss[] = [];
  for (const [word, n] of expected) {
    const m = found.get(word) ?? 0;
    if (m < n) lost.push({ word, expected: n, found: m });
  }
  return lost;
}
