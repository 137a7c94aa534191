// Problems: made in one place, sorted and printed in one format
// (`path:line: severity code message`).
import type { Problem, Severity } from "../model.ts";

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

// Characters that would break the one-problem-per-line format or play tricks
// on a terminal: controls (C0, DEL, C1), line and paragraph separators, and
// bidirectional overrides. File names and messages quote input, so they can
// hold any of these.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Makes text safe for one line of terminal output: unprintable characters as `\u{…}` escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** A value from the input, quoted for a message: at most `max` characters, on one line. */
export function quote(value: string, max = 60): string {
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : value;
  return JSON.stringify(cut);
}

export function formatProblem(p: Problem): string {
  return `${printable(p.file)}:${p.line}: ${p.severity} ${p.code} ${printable(p.message)}`;
}

export function summariseProblems(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(fileCount, "file")}`;
}
