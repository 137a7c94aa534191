// Printing problems for the command line: one line each, sorted, then a summary.
import type { Archive as FullArchive, Archived } from "./archive.ts";

/** An archive of whole transcripts or of cards: the report needs their problems and files. */
type Archive = FullArchive<Archived>;
import type { Problem } from "../model.ts";
import { countProblems, formatProblem, printable, summariseProblems } from "./problems.ts";

/** A problem's file as shown: under the seeds folder as the user named it (`seeds/x.md`; `seeds` for the folder itself). */
export function shownFile(file: string, relativeTo = ""): string {
  const base = relativeTo.replace(/\/+$/, "");
  if (!base) return file || ".";
  return file ? `${base}/${file}` : base;
}

export function problemReport(archive: Archive, relativeTo = ""): string[] {
  return [
    ...archive.problems.map((p) => formatProblem({ ...p, file: shownFile(p.file, relativeTo) })),
    summariseProblems(archive.problems, archive.fileCount),
  ];
}

/** The same report as JSON: `{ files, errors, warnings, info, problems, summary }`. */
export function problemJson(archive: Archive, relativeTo = ""): { files: number; errors: number; warnings: number; info: number; problems: Problem[]; summary: string } {
  const counts = countProblems(archive.problems);
  return {
    files: archive.fileCount,
    errors: counts.error,
    warnings: counts.warning,
    info: counts.info,
    problems: archive.problems.map((p) => ({ ...p, file: shownFile(p.file, relativeTo) })),
    summary: summariseProblems(archive.problems, archive.fileCount),
  };
}

export function hasErrors(archive: Archive): boolean {
  return archive.problems.some((p) => p.severity === "error");
}

/** One line for an unexpected failure of a command: the message, never a stack trace. */
export function failureMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const parts = [err.message.trim().split("\n")[0]];
  let cause: unknown = err.cause;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++, cause = cause.cause) parts.push(`caused by: ${cause.message.trim().split("\n")[0]}`);
  return parts.join("\n  ");
}

/** A problem as a development banner shows it: where (`seeds/x.md:3`), then what. */
export interface ShownProblem {
  where: string;
  severity: Problem["severity"];
  /** An `info` line: worth a note, not a problem (the banner counts them apart). */
  note: boolean;
  code: string;
  message: string;
}

/** The problems of one file of the archive (its own and the archive's, e.g. a duplicate URL), sorted, for a page that shows them. */
export function problemsOfFile(archive: Archive, file: string, relativeTo = ""): ShownProblem[] {
  return archive.problems
    .filter((p) => p.file === file)
    .map((p) => ({ where: `${printable(shownFile(p.file, relativeTo))}:${p.line}`, severity: p.severity, note: p.severity === "info", code: p.code, message: printable(p.message) }));
}

/**
 * Files that changed between two reads of the archive: added, removed, or read again (an ingest
 * result is kept while its file is unchanged, so an unchanged file's transcript is the same object).
 */
export function changedFiles(before: Archive, after: Archive): string[] {
  const old = new Map(before.transcripts.map((t) => [t.file, t.meta]));
  const now = new Set(after.transcripts.map((t) => t.file));
  const changed = after.transcripts.filter((t) => old.get(t.file) !== t.meta).map((t) => t.file);
  const removed = [...old.keys()].filter((f) => !now.has(f));
  return [...changed, ...removed].sort();
}

/**
 * What a rebuild under `npm start` prints: every problem of the files changed since the last
 * build, and of any other file that has a new one (a duplicate URL), as `npm run check` prints
 * them, then a summary. Nothing when no transcript changed.
 */
export function rebuildReport(before: Archive, after: Archive, relativeTo = ""): string[] {
  const changed = new Set(changedFiles(before, after));
  if (!changed.size) return [];
  const known = new Set(before.problems.map(formatProblem));
  const shown = after.problems.filter((p) => changed.has(p.file) || !known.has(formatProblem(p)));
  const files = new Set([...changed, ...shown.map((p) => p.file)]);
  const what = [...changed].map((f) => shownFile(f, relativeTo)).join(", ");
  return [
    ...shown.map((p) => formatProblem({ ...p, file: shownFile(p.file, relativeTo) })),
    `${summariseProblems(shown, files.size)} (changed: ${printable(what)})`,
  ];
}
