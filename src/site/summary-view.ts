// What the summary panel shows beyond the parsed blocks: where a chapter is in the transcript, and
// a companies table's importance as a level rather than emoji stars (⭐ needs an emoji font).
import type { Chapter, CompanyNote, Section } from "../model.ts";

const titleKey = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[*_`]/g, "")
    .replace(/[\s\p{P}]+/gu, "")
    .toLowerCase();

/**
 * The section a chapter of the summary is about: the titled section of the same title, else the
 * one starting at the chapter's time. Undefined when none is.
 */
export function chapterSection(chapter: Chapter, sections: readonly Section[]): Section | undefined {
  const titled = sections.filter((s) => s.heading);
  const key = titleKey(chapter.title);
  const byTitle = key ? titled.find((s) => titleKey(s.heading) === key) : undefined;
  if (byTitle) return byTitle;
  const start = chapter.time?.start;
  return start === undefined ? undefined : titled.find((s) => s.time?.start === start);
}

/** An importance written as stars: filled (⭐ ★) and empty (☆) ones, nothing else. */
export interface Stars {
  level: number;
  /** Filled and empty stars written. */
  of: number;
}

/** The stars of an importance cell (`⭐⭐⭐`, `★★☆`), or undefined when it holds anything else (then it is shown as written). */
export function starsOf(text: string | undefined): Stars | undefined {
  const t = (text ?? "").replace(/[\s\uFE0F]/g, "");
  if (!t || !/^[⭐★☆]+$/u.test(t)) return undefined;
  const chars = [...t];
  return { level: chars.filter((c) => c !== "☆").length, of: chars.length };
}

/** The scale of a companies table's importance: the most stars any row has room for (0 when no row is in stars). */
export function starScale(companies: readonly CompanyNote[]): number {
  return Math.max(0, ...companies.map((c) => starsOf(c.importance)?.of ?? 0));
}
