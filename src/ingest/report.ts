// Printing problems for the command line: one line each, sorted, then a summary.
import type { Archive } from "./archive.ts";
import type { Problem } from "../model.ts";
import { countProblems, formatProblem, summariseProblems } from "./problems.ts";

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
