// Problems: made in one place, sorted and printed in one format
// (`path:line: severity code message`).
import type { Problem, Severity } from "./model.ts";

export class ProblemList {
  readonly items: Problem[] = [];
  constructor(readonly file: string) {}

  add(line: number, severity: Severity, code: string, message: string): void {
    this.items.push({ file: this.file, line, severity, code, message });
  }
  error(line: number, code: string, message: string): void {
    this.add(line, "error", code, message);
  }
  warn(line: number, code: string, message: string): void {
    this.add(line, "warning", code, message);
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity} ${p.code} ${p.message}`;
}

export function summariseProblems(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(fileCount, "file")}`;
}
