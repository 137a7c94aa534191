// Pairing: turns a section's blocks into aligned rows. Every paragraph becomes
// a unit with a language; units are then paired in the transcript's own order
// (English first, or Chinese first), with details pairs (`<details>` holding
// the English of the Chinese paragraph before it) and line pairs (an English
// line followed by its Chinese line, inside one block) recognised on the way.
import type { Block } from "./blocks.ts";
import type { Pair, Side } from "../model.ts";
import type { ProblemList } from "./problems.ts";
import { detectLanguage, type Lang } from "./language.ts";
import { splitSpeaker } from "./speaker.ts";

interface Unit {
  lang: Lang;
  side: Side;
  /** English taken from a `<details>` block: belongs to the Chinese unit before it. */
  fromDetails?: boolean;
  /** A block the pairing does not understand: kept as text. */
  raw?: boolean;
}

function sideOf(text: string, line: number): { lang: Lang; side: Side } {
  const { speaker, rest } = splitSpeaker(text);
  const side: Side = speaker ? { text: rest, line, speaker } : { text, line };
  return { lang: detectLanguage(rest), side };
}

const DETAILS_P = /<p\b[^>]*>([\s\S]*?)<\/p>/i;
const DETAILS = /^<details\b[^>]*>\s*(?:<summary\b[^>]*>([\s\S]*?)<\/summary>)?([\s\S]*?)<\/details>\s*$/i;

/** The English inside a details pair, or undefined when the block is not of that shape. */
export function detailsEnglish(text: string): string | undefined {
  const m = DETAILS.exec(text.trim());
  if (!m) return undefined;
  const inner = m[2];
  const p = DETAILS_P.exec(inner);
  const english = (p ? p[1] : inner).replace(/<br\s*\/?>/gi, "\n").trim();
  // Any further markup inside is not part of the understood structure.
  if (!english || /<\/?[a-z][^>]*>/i.test(english) || (p && inner.replace(DETAILS_P, "").trim())) return undefined;
  return english
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function unitsOf(block: Block, problems: ProblemList): Unit[] {
  if (block.kind === "details") {
    const english = detailsEnglish(block.text);
    if (english !== undefined) return [{ ...sideOf(english, block.line), lang: "en", fromDetails: true }];
    problems.warn(block.line, "unrecognised-block", "a <details> block that is not a translation pair (summary + English paragraph); shown as text");
    return [{ lang: "none", side: { text: block.text, line: block.line }, raw: true }];
  }
  if (block.kind !== "paragraph") {
    problems.warn(block.line, "unrecognised-block", `a ${block.kind} inside the transcript, not a paragraph; shown as text`);
    return [{ lang: "none", side: { text: block.text, line: block.line }, raw: true }];
  }
  const lines = block.text.split("\n");
  if (lines.length > 1) {
    const perLine = lines.map((l, i) => sideOf(l.trim(), block.line + i));
    const alternates = perLine.every((u, i) => u.lang !== "none" && (i === 0 || u.lang !== perLine[i - 1].lang));
    const allLabelled = perLine.every((u) => u.side.speaker);
    if (alternates || allLabelled) return perLine;
  }
  return [sideOf(block.text, block.line)];
}

/** Which language leads a pair in this transcript: the one that comes first more often. */
export function leadLanguage(units: { lang: Lang }[][]): "en" | "zh" {
  let en = 0;
  let zh = 0;
  for (const list of units) {
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i].lang, list[i + 1].lang];
      if (a === "en" && b === "zh") en++;
      if (a === "zh" && b === "en") zh++;
    }
  }
  return zh > en ? "zh" : "en";
}

export interface PairingResult {
  pairs: Pair[][];
  counts: { en: number; zh: number };
}

/** Pairs the blocks of every section; pair ids run through the whole transcript. */
export function pairSections(sections: Block[][], problems: ProblemList): PairingResult {
  const units = sections.map((blocks) => blocks.filter((b) => b.kind !== "rule").flatMap((b) => unitsOf(b, problems)));
  const lead = leadLanguage(units.map((list) => list.filter((u) => !u.fromDetails)));
  const counts = { en: 0, zh: 0 };
  for (const u of units.flat()) if (u.lang === "en" || u.lang === "zh") counts[u.lang]++;
  const bilingual = counts.en > 0 && counts.zh > 0;
  let n = 0;
  const nextId = () => `p-${++n}`;

  const pairs = units.map((list) => {
    const out: Pair[] = [];
    const both = (a: Unit, b: Unit): Pair => {
      const [en, zh] = a.lang === "en" ? [a.side, b.side] : [b.side, a.side];
      return { id: nextId(), kind: "pair", en, zh, speaker: en.speaker ?? zh.speaker, line: Math.min(a.side.line, b.side.line) };
    };
    for (let i = 0; i < list.length; i++) {
      const u = list[i];
      const next = list[i + 1];
      if (u.raw || u.lang === "none") {
        out.push({ id: nextId(), kind: "text", raw: u.side, line: u.side.line });
        continue;
      }
      const other = u.lang === "en" ? "zh" : "en";
      const pairsWithNext = next && !next.raw && next.lang === other;
      if (pairsWithNext && (next.fromDetails || u.lang === lead || !(list[i + 2] && !list[i + 2].raw && list[i + 2].lang === u.lang))) {
        out.push(both(u, next));
        i++;
        continue;
      }
      if (bilingual) {
        problems.warn(u.side.line, "unpaired-paragraph", `${u.lang === "en" ? "English" : "Chinese"} paragraph without a translation beside it`);
      }
      out.push(u.lang === "en"
        ? { id: nextId(), kind: "en-only", en: u.side, speaker: u.side.speaker, line: u.side.line }
        : { id: nextId(), kind: "zh-only", zh: u.side, speaker: u.side.speaker, line: u.side.line });
    }
    return out;
  });
  return { pairs, counts };
}
