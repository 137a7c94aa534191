// What only `npm start` needs (never a built site): the Content-Security-Policy source that lets
// Eleventy's dev server run its reload script where it puts it inline, and what a page's banner
// of its file's problems says (partials/dev-problems.njk presents it).
import { createHash } from "node:crypto";
import type { ShownProblem } from "../ingest/report.ts";

/**
 * A CSP source allowing exactly one inline script, by its hash (`'sha256-…'`). Eleventy's dev server
 * inlines its reload script into pages it serves with a status other than 200 (the 404 page);
 * under the pages' CSP that script was blocked, with a violation logged.
 */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/** What a page's development banner shows: its file's problems, counted, under a heading. */
export interface DevBanner {
  problems: readonly ShownProblem[];
  /** Errors and warnings: something to fix. */
  faults: number;
  /** `info` lines: worth knowing, nothing to fix. */
  notes: number;
  /** The heading, in Chinese and in English (`这个文件有问题`, `1 problem and 5 notes (info) in this file`). */
  title: { zh: string; en: string };
  /** Notes only: the banner is folded to its heading, so that it does not push the transcript down. */
  folded: boolean;
}

/** The banner for a file's problems (`problemsOfFile`), or none when it has none. */
export function devBanner(problems: readonly ShownProblem[]): DevBanner | undefined {
  if (!problems.length) return undefined;
  const notes = problems.filter((p) => p.note).length;
  const faults = problems.length - notes;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const counts = [...(faults ? [count(faults, "problem")] : []), ...(notes ? [`${count(notes, "note")} (info)`] : [])];
  return {
    problems,
    faults,
    notes,
    title: { zh: faults ? "这个文件有问题" : "这个文件的说明", en: `${counts.join(" and ")} in this file` },
    folded: !faults,
  };
}
