// The body of a transcript as a flat list of top-level blocks, each with the
// line it starts on. A deliberately small markdown block scanner: transcripts
// are paragraphs, headings, tables, lists, quotes and `<details>` pairs, and
// the ingest needs exact source text and line numbers for every one of them.

export type BlockKind = "heading" | "paragraph" | "details" | "table" | "list" | "quote" | "rule" | "code" | "html";

export interface Block {
  kind: BlockKind;
  /** Source text of the block, lines joined with `\n`, trimmed at the ends. */
  text: string;
  /** 1-based line of the block's first line in the source file. */
  line: number;
  /** Heading level (1–6) for headings. */
  level?: number;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const HTML_OPEN = /^ {0,3}<\/?[A-Za-z!]/;

function classify(lines: string[]): BlockKind {
  const first = lines[0];
  if (lines.every((l) => /^\s*\|/.test(l))) return "table";
  if (lines.every((l) => /^ {0,3}>/.test(l))) return "quote";
  if (LIST.test(first)) return "list";
  if (/^\s*<details[\s>]/i.test(first)) return "details";
  if (HTML_OPEN.test(first)) return "html";
  return "paragraph";
}

/**
 * Splits `body` (already normalised to `\n` line ends) into blocks.
 * `firstLine` is the file line of the body's first line.
 */
export function scanBlocks(body: string, firstLine = 1): Block[] {
  const lines = body.split("\n");
  const blocks: Block[] = [];
  let run: string[] = [];
  let runStart = 0;

  const flush = () => {
    if (run.length) blocks.push({ kind: classify(run), text: run.join("\n").trim(), line: firstLine + runStart });
    run = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence && run.length === 0) {
      // A fenced block runs to its closing fence, blank lines included.
      let j = i + 1;
      while (j < lines.length && !lines[j].trimStart().startsWith(fence[1])) j++;
      const end = Math.min(j, lines.length - 1);
      blocks.push({ kind: "code", text: lines.slice(i, end + 1).join("\n"), line: firstLine + i });
      i = end;
      continue;
    }
    if (/^\s*<details[\s>]/i.test(line) && run.length === 0) {
      // A details pair may hold blank lines; it runs to `</details>`.
      let j = i;
      while (j < lines.length && !/<\/details>/i.test(lines[j])) j++;
      if (j < lines.length) {
        blocks.push({ kind: "details", text: lines.slice(i, j + 1).join("\n").trim(), line: firstLine + i });
        i = j;
        continue;
      }
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2].trim(), line: firstLine + i });
      continue;
    }
    if (RULE.test(line) && (run.length === 0 || !/^-+\s*$/.test(line))) {
      // `---` under a paragraph line would be a setext heading; transcripts
      // use it as a separator, so only a rule on its own line counts.
      flush();
      blocks.push({ kind: "rule", text: line.trim(), line: firstLine + i });
      continue;
    }
    if (run.length === 0) runStart = i;
    run.push(line);
  }
  flush();
  return blocks;
}
