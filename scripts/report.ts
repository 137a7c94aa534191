// Printing problems for the command line: one line each, sorted, then a summary.
import type { Archive } from "../src/archive.ts";
import { formatProblem, summariseProblems } from "../src/problems.ts";

export function problemReport(archive: Archive, relativeTo = ""): string[] {
  const prefix = relativeTo ? `${relativeTo.replace(/\/+$/, "")}/` : "";
  return [
    ...archive.problems.map((p) => formatProblem({ ...p, file: prefix + p.file })),
    summariseProblems(archive.problems, archive.fileCount),
  ];
}

export function hasErrors(archive: Archive): boolean {
  return archive.problems.some((p) => p.severity === "error");
}
