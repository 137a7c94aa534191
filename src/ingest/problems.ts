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
  /** Worth knowing, not a fault: never fails a build. */
  info(line: number, code: string, message: string): void {
    this.add(line, "info", code, message);
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

/** How many problems of each severity. */
export function countProblems(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** `1 error, 2 warnings in 3 files`; `…, 4 info in 3 files` when there are notes of that kind. */
export function summariseProblems(problems: readonly Problem[], fileCount: number): string {
  const { error, warning, info } = countProblems(problems);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(error, "error")}, ${plural(warning, "warning")}${info ? `, ${info} info` : ""} in ${plural(fileCount, "file")}`;
}
