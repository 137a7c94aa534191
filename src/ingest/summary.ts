// The summary blocks of a video-summary document (`## 📹 视频信息`,
// `## TL;DR`, `## 📑 章节导航表`, …): each block is recognised by its label,
// in Chinese or English, with or without an emoji, a number or a suffix, and
// read by a small rule of its own. What a rule does not use is kept as
// `other` and reported, never dropped.
import type { Block } from "./blocks.ts";
import type { Chapter, CompanyNote, CorePoint, Meta, PersonNote, Quote, Summary } from "../model.ts";
import type { ProblemList } from "./problems.ts";
import { parseDate, parseDuration, isHttpUrl } from "./frontmatter.ts";
import { parseRange, splitHeadingTime } from "./timecode.ts";

export type SummaryLabel = "intro" | "info" | "tldr" | "chapters" | "points" | "companies" | "quotes" | "people" | "type" | "transcript";

const LABELS: [SummaryLabel, RegExp][] = [
  ["transcript", /完整翻译|全文翻译|全文|完整文字稿|逐字稿|transcript|full translation/i],
  ["intro", /视频开头信息|开头信息|开场信息|video intro(?:duction)?\b/i],
  ["info", /视频信息|基本信息|video info|video details|episode info/i],
  ["tldr", /tl;?dr|一句话|核心洞察|内容摘要|^summary$/i],
  ["chapters", /章节|chapters?|目录|timeline|时间线/i],
  ["points", /核心论点|核心观点|关键论点|主要观点|key (arguments|points|insights|takeaways)|main points/i],
  ["companies", /公司|compan|organi[sz]ations?/i],
  ["quotes", /金句|名言|quotes?/i],
  ["people", /人物|people|speakers?|guests?/i],
  ["type", /视频类型|video type|content type/i],
];

/** Strips emoji, number prefixes (`3.`), and decoration from a heading, for matching. */
export function labelText(heading: string): string {
  return heading
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu, "")
    .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、)）:：]\s*/u, "")
    .trim();
}

/** A bracketed gloss at the end of a label: `TL;DR（一句话核心洞察）`, `经典金句 (Quotes)`. */
const GLOSS = /\s*[(（【\[][^)）】\]]*[)）】\]]\s*$/u;

export function recogniseLabel(heading: string): SummaryLabel | undefined {
  // A heading with a time range is a chapter of the transcript, whatever its words
  // ("(0:00 - 8:18) 公司我们…" is not the companies block; read as one, its text was lost).
  if (splitHeadingTime(heading).time) return undefined;
  const label = labelText(heading);
  // The label itself first, then with its gloss (`Summary（摘要）` is the TL;DR, by its first word).
  const bare = label.replace(GLOSS, "").trim();
  return LABELS.find(([, re]) => re.test(bare))?.[0] ?? LABELS.find(([, re]) => re.test(label))?.[0];
}

/** Labels whose blocks hold sub-headings of their own: key points and people (`### 1. …`, `#### 姓名`). */
export function holdsHeadings(label: SummaryLabel | "unknown"): boolean {
  return label === "points" || label === "people";
}

export function emptySummary(): Summary {
  return { chapters: [], corePoints: [], companies: [], quotes: [], people: [], info: [], intro: [], other: [], footer: [] };
}

// ------------------------------------------------------------------ helpers

/** Splits a markdown table into rows of trimmed cells, without the separator row. */
export function tableRows(text: string): string[][] {
  return tableRowsWithLines(text, 1).map((r) => r.cells);
}

/** `tableRows`, with the source line of each row (`firstLine` is the table's first line). */
export function tableRowsWithLines(text: string, firstLine: number): { cells: string[]; line: number }[] {
  return text
    .split("\n")
    .map((line, i) => ({ text: line.trim().replace(/^\|/, "").replace(/\|$/, ""), line: firstLine + i }))
    .filter((row) => !/^[\s:|-]+$/.test(row.text))
    .map((row) => ({ cells: row.text.split(/(?<!\\)\|/).map((c) => c.trim()), line: row.line }));
}

function column(header: string[], re: RegExp, fallback: number): number {
  const i = header.findIndex((h) => re.test(h));
  return i >= 0 ? i : fallback;
}

const MD_LINK = /\[([^\]]*)\]\(([^)\s]+)\)/;

function unlink(value: string): { text: string; url?: string } {
  const m = MD_LINK.exec(value);
  if (m) return { text: m[1], url: m[2] };
  const bare = /https?:\/\/\S+/.exec(value);
  return { text: value, url: bare?.[0] };
}

function keepOther(summary: Summary, heading: string, block: Block, problems: ProblemList, why: string): void {
  summary.other.push({ heading, body: block.text, line: block.line });
  problems.warn(block.line, "unrecognised-block", `${why}; shown as text`);
}

// -------------------------------------------------------------------- rules

function readInfo(blocks: Block[], heading: string, summary: Summary, meta: Meta, problems: ProblemList): void {
  for (const block of blocks) {
    if (block.kind === "quote") {
      // An editor's note (`> 本文内容整理自…`) often follows the information list.
      summary.intro.push(block.text);
      continue;
    }
    if (block.kind !== "list") {
      keepOther(summary, heading, block, problems, "text in the video information block is not a `- **label**: value` list");
      continue;
    }
    for (const [i, line] of block.text.split("\n").entries()) {
      const m = /^\s*[-*+]\s*(?:\*\*)?([^*:：]+?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.*)$/.exec(line);
      if (!m) {
        keepOther(summary, heading, { ...block, text: line, line: block.line + i }, problems, "a line of the video information is not `label: value`");
        continue;
      }
      const [label, value] = [m[1].trim(), m[2].trim()];
      summary.info.push({ label, value });
      const link = unlink(value);
      if (/频道|channel|播客|podcast/i.test(label)) meta.channel ??= link.text;
      else if (/日期|date|published|发布/i.test(label)) {
        const date = parseDate(value);
        if (date) meta.date ??= date;
        else problems.error(block.line + i, "date-invalid", `video date is not a date: ${JSON.stringify(value)}`);
      } else if (/时长|duration|length/i.test(label)) meta.duration ??= parseDuration(value);
      else if (/链接|link|url|source|地址/i.test(label)) {
        if (link.url && isHttpUrl(link.url)) meta.source ??= link.url;
        else problems.warn(block.line + i, "source-not-http", `video link is not an http(s) URL: ${JSON.stringify(value)}; not linked`);
      } else if (/嘉宾|guest/i.test(label)) meta.guest ??= value;
    }
  }
}

function readChapters(blocks: Block[], heading: string, summary: Summary, problems: ProblemList): void {
  for (const block of blocks) {
    if (block.kind === "table") {
      const [head, ...rows] = tableRowsWithLines(block.text, block.line);
      if (!head) {
        keepOther(summary, heading, block, problems, "a table in the chapter block with no rows");
        continue;
      }
      const header = head.cells;
      const t = column(header, /时间|time/i, 0);
      const title = column(header, /章节|标题|title|chapter|topic/i, 1);
      const note = column(header, /概括|摘要|summary|描述|内容|description|要点/i, 2);
      for (const { cells: row, line } of rows) {
        const time = parseRange(row[t] ?? "");
        // Cells no column takes (a fourth column, a time that is not a time) stay with the summary: nothing is dropped.
        const spare = row.filter((c, i) => c && i !== title && i !== note && (i !== t || !time));
        const text = [row[note], ...spare].filter(Boolean).join(" · ");
        const chapter: Chapter = { title: row[title] ?? row.join(" "), time, summary: text || undefined, line };
        summary.chapters.push(chapter);
      }
    } else if (block.kind === "list") {
      for (const [i, line] of block.text.split("\n").entries()) {
        const item = line.replace(/^\s*(?:[-*+]|\d+[.)])\s*/, "");
        const m = /^\**\[?([\d:]+(?:\s*[-–—~]\s*(?:[\d:]+|end))?)\]?\**\s*[-–—:：|]?\s*(.*)$/i.exec(item);
        const time = m ? parseRange(m[1]) : undefined;
        summary.chapters.push(time ? { time, title: m![2].trim(), line: block.line + i } : { title: item.trim(), line: block.line + i });
      }
    } else {
      keepOther(summary, heading, block, problems, "text in the chapter block is neither a table nor a list");
    }
  }
}

/** Groups blocks under `###` sub-headings: core points and people. */
function subsections(blocks: Block[]): { title?: string; body: Block[] }[] {
  const groups: { title?: string; body: Block[] }[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") groups.push({ title: block.text, body: [] });
    else if (block.kind !== "rule") {
      if (!groups.length) groups.push({ body: [] });
      groups[groups.length - 1].body.push(block);
    }
  }
  return groups;
}

function readPoints(blocks: Block[], summary: Summary): void {
  for (const g of subsections(blocks)) {
    const point: CorePoint = { title: g.title ?? "", body: g.body.map((b) => b.text).join("\n\n") };
    summary.corePoints.push(point);
  }
}

function readPeople(blocks: Block[], summary: Summary): void {
  for (const g of subsections(blocks)) {
    const person: PersonNote = { name: g.title ?? "", body: g.body.map((b) => b.text).join("\n\n") };
    summary.people.push(person);
  }
}

function readCompanies(blocks: Block[], heading: string, summary: Summary, problems: ProblemList): void {
  for (const block of blocks) {
    if (block.kind !== "table") {
      keepOther(summary, heading, block, problems, "text in the companies block is not a table");
      continue;
    }
    const [header, ...rows] = tableRows(block.text);
    if (!header) {
      keepOther(summary, heading, block, problems, "a table in the companies block with no rows");
      continue;
    }
    const name = column(header, /公司|名|compan|name|organi/i, 0);
    const context = column(header, /语境|背景|context|讨论|why|description/i, 1);
    const importance = column(header, /重要|importance|rating/i, 2);
    for (const row of rows) {
      // Cells no column takes stay with the context: nothing is dropped.
      const spare = row.filter((c, i) => c && i !== name && i !== context && i !== importance);
      const company: CompanyNote = { name: row[name] ?? "", context: [row[context], ...spare].filter(Boolean).join(" · ") || undefined, importance: row[importance] || undefined };
      if (company.name || company.context || company.importance) summary.companies.push(company);
    }
  }
}

function readQuotes(blocks: Block[], heading: string, summary: Summary, problems: ProblemList): void {
  for (const block of blocks) {
    if (block.kind !== "quote") {
      keepOther(summary, heading, block, problems, "text in the quotes block is not a `> quote`");
      continue;
    }
    const lines = block.text.split("\n").map((l) => l.replace(/^\s*>\s?/, ""));
    const byIndex = lines.findIndex((l) => /^\s*(?:—|――|--|–)/.test(l));
    const text = (byIndex >= 0 ? lines.slice(0, byIndex) : lines).join("\n").trim();
    const by = byIndex >= 0 ? lines.slice(byIndex).join(" ").replace(/^\s*(?:—|――|--|–)+\s*/, "").trim() : undefined;
    const quote: Quote = { text, by: by || undefined, line: block.line };
    summary.quotes.push(quote);
  }
}

function prose(blocks: Block[]): string {
  return blocks.filter((b) => b.kind !== "rule").map((b) => b.text).join("\n\n");
}

/** Reads one labelled summary block into `summary` (and the fields it carries into `meta`). */
export function readSummaryBlock(label: SummaryLabel, heading: string, blocks: Block[], summary: Summary, meta: Meta, problems: ProblemList): void {
  const content = blocks.filter((b) => b.kind !== "rule");
  switch (label) {
    case "intro":
      // `视频开头信息`: a quoted one-line introduction (`> 本文内容整理自…`), or any prose.
      summary.intro.push(...content.map((b) => b.text));
      return;
    case "info":
      return readInfo(content, heading, summary, meta, problems);
    case "tldr":
      // A second block with the same label adds to the first, never replaces it.
      summary.tldr = [summary.tldr, prose(content)].filter(Boolean).join("\n\n") || undefined;
      return;
    case "chapters":
      return readChapters(content, heading, summary, problems);
    case "points":
      return readPoints(content, summary);
    case "companies":
      return readCompanies(content, heading, summary, problems);
    case "quotes":
      return readQuotes(content, heading, summary, problems);
    case "people":
      return readPeople(content, summary);
    case "type":
      summary.videoType = [summary.videoType, prose(content).replace(/\*\*/g, "").trim()].filter(Boolean).join("\n\n") || undefined;
      return;
    case "transcript":
      return; // read by the ingest as sections
  }
}

