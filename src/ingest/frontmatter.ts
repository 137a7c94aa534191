// Front matter: split off with gray-matter, parsed as YAML without implicit
// dates (so a bad date is seen as written), then validated and normalised
// into Meta. Every field may be missing, empty, null, a string where a list
// is usual, or wrapped over lines.
import matter from "gray-matter";
import yaml from "js-yaml";
import type { Meta } from "../model.ts";
import { quote, type ProblemList } from "./problems.ts";

export interface FrontMatter {
  /** The parsed mapping, or undefined when there is none or it is unusable. */
  data?: Record<string, unknown>;
  /** Whether the file opens with a front matter block at all. */
  present: boolean;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** File line of each top-level key, for messages. */
  keyLines: Map<string, number>;
  /** The block is there but unusable (unclosed, not YAML, not a mapping): already reported as an error. */
  failed?: boolean;
}

// The block is split the way gray-matter (and so Eleventy) splits it: it opens
// with a `---` line and closes at the first later line that starts with `---`.
// gray-matter hands the engine the raw text between the two, starting with the
// rest of the opening line, so the engine's line 0 is the file's line 1.
const OPEN = /^---[ \t]*\n/;
const CLOSE = "\n---";

/** Marks a YAML document that is not a mapping (gray-matter wants an object back). */
const NOT_MAPPING = Symbol("not a mapping");
type Wrapped = { [NOT_MAPPING]: unknown };

/** YAML as the engine reads it; `onTabs` is told when it was read only by taking tab indentation as spaces. */
function loadYaml(source: string, onTabs: () => void): unknown {
  try {
    return yaml.load(source, { schema: yaml.CORE_SCHEMA });
  } catch (err) {
    // Tabs used for indentation are tolerated (with a warning, from readFrontMatter): retry with spaces.
    if (/^[ ]*\t/m.test(source)) {
      let value: unknown;
      try {
        value = yaml.load(source.replace(/^[ \t]+/gm, (lead) => lead.replace(/\t/g, "  ")), { schema: yaml.CORE_SCHEMA });
      } catch {
        throw err; // report the first error, on the text as written
      }
      onTabs();
      return value;
    }
    throw err;
  }
}

/** The gray-matter engine: a mapping, or a marked wrapper around whatever else the YAML is. */
const yamlEngine = (onTabs: () => void) => (source: string): object => {
  const value = loadYaml(source, onTabs);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : ({ [NOT_MAPPING]: value ?? null } as Wrapped);
};

/** A YAML value for a message: `a list`, `a mapping`, `text "…"`, `number 12` (kind only when asked). */
function describe(value: unknown, kind = false): string {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return kind ? `text ${quote(value)}` : quote(value);
  return kind ? `${typeof value} ${String(value)}` : String(value);
}

/** Whether a YAML line opens a quoted value (`key: "…`) that it does not close. */
function unclosedQuote(line: string, q: string): boolean {
  const m = new RegExp(`(?:^|:\\s+|-\\s+|[\\[{,]\\s*)${q}`).exec(line);
  if (!m) return false;
  const rest = line.slice(m.index + m[0].length);
  const closing = q === '"' ? /(?:^|[^\\])(?:\\\\)*"/ : /'(?!')/;
  return !closing.test(rest.replace(/''/g, ""));
}

/** The index of the line that opened the flow collection (`[`, `{`) still open at the end of `lines`, or -1. */
function openFlowLine(lines: string[]): number {
  let depth = 0;
  let opener = -1;
  lines.forEach((line, i) => {
    const before = depth;
    const bare = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, "").replace(/\s#.*$/, "");
    for (const c of bare) {
      if (c === "[" || c === "{") depth++;
      else if ((c === "]" || c === "}") && depth > 0) depth--;
    }
    if (before === 0 && depth > 0) opener = i;
  });
  return depth > 0 ? opener : -1;
}

export function readFrontMatter(text: string, problems: ProblemList): FrontMatter {
  const keyLines = new Map<string, number>();
  if (!OPEN.test(text)) return { present: false, body: text, bodyLine: 1, keyLines };
  const afterOpen = text.slice(3);
  const closeAt = afterOpen.indexOf(CLOSE);
  if (closeAt < 0) {
    problems.error(1, "front-matter-unclosed", "front matter opens with `---` but has no closing `---` line; the whole file is shown as text");
    return { present: true, body: text, bodyLine: 1, keyLines, failed: true };
  }
  // The raw YAML as gray-matter gives it to the engine: its line i is file line i + 1.
  const yamlRaw = afterOpen.slice(0, closeAt);
  const yamlLines = yamlRaw.split("\n");
  yamlLines.forEach((l, i) => {
    if (i === 0) return;
    const m = /^(?:"([^"\n]*)"|'([^'\n]*)'|(?!-\s|-$)([^\s#"'][^:\n]*?))\s*:(?:\s|$)/.exec(l);
    const key = m && (m[1] ?? m[2] ?? m[3]);
    if (key !== undefined && key !== null && !keyLines.has(key)) keyLines.set(key, i + 1);
  });
  const closeLine = yamlLines.length + 1;
  // The body starts right after the closing `---` (on its line if anything follows it there).
  let rest = afterOpen.slice(closeAt + CLOSE.length);
  let bodyLine = closeLine;
  if (rest.startsWith("\n")) {
    rest = rest.slice(1);
    bodyLine++;
  }
  const firstLine = yamlLines.findIndex((l, i) => i > 0 && l.trim() !== "" && !l.trimStart().startsWith("#"));
  const yamlStart = firstLine > 0 ? firstLine + 1 : 2;

  let data: Record<string, unknown> | undefined;
  let tabs = false;
  try {
    const parsed = matter(text, { engines: { yaml: yamlEngine(() => (tabs = true)) } });
    data = parsed.data as Record<string, unknown>;
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message.split("\n")[0] : String(err));
    let line = typeof mark?.line === "number" ? Math.min(mark.line + 1, closeLine - 1) : yamlStart;
    // A quote left open is found at the end of the block; name the line that opened it.
    const open = /within a (double|single) quoted scalar/.exec(reason);
    if (open) {
      const q = open[1] === "double" ? '"' : "'";
      const starts = yamlLines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > 0 && i + 1 <= line && unclosedQuote(l, q));
      if (starts.length) line = starts[starts.length - 1].i + 1;
    }
    // A `[` or `{` left open is noticed lines later; name the line that opened it.
    if (/flow collection/.test(reason)) {
      const opener = openFlowLine(yamlLines.slice(0, line));
      if (opener > 0) line = opener + 1;
    }
    problems.error(Math.max(line, 1), "yaml-invalid", `front matter is not valid YAML: ${reason}`);
    return { present: true, body: rest, bodyLine, keyLines, failed: true };
  }
  if (tabs) {
    // Read as if the tabs were spaces, as before; but other tools refuse the file.
    const tabbed = yamlLines.map((l, i) => (i > 0 && /^[ ]*\t/.test(l) ? i + 1 : 0)).filter(Boolean);
    const more = tabbed.length > 1 ? ` (and ${tabbed.length - 1} more line${tabbed.length > 2 ? "s" : ""})` : "";
    problems.warn(tabbed[0] ?? yamlStart, "front-matter-tabs", `front matter indented with a tab${more}: read here as spaces, but Eleventy, Jekyll and GitHub's preview reject it; indent with spaces`);
  }
  if (data && NOT_MAPPING in data) {
    const value = (data as Wrapped)[NOT_MAPPING];
    if (value === null) return { data: undefined, present: true, body: rest, bodyLine, keyLines };
    // Not fields: most likely text between two rules. Reported, and kept as text.
    problems.error(yamlStart, "front-matter-not-mapping", `front matter must be a mapping of \`field: value\` lines, found ${describe(value, true)}; shown as text`);
    return { present: true, body: text, bodyLine: 1, keyLines: new Map(), failed: true };
  }
  return { data, present: true, body: rest, bodyLine, keyLines };
}

// ---------------------------------------------------------------- normalising

const KNOWN_FIELDS = new Set([
  "title", "title_en", "titleEn", "english_title", "original_title", "summary", "description", "date", "speaker", "author", "guest",
  "channel", "duration", "source", "url", "tags", "people", "companies_orgs", "companies", "products_models", "media_books", "area",
  "category", "project", "series", "insight", "status", "draft", "layout", "slug", "permalink", "lang", "language",
]);

type Issue = (code: string, message: string) => void;

/** Longest list kept from one field; a longer one is cut, with a warning. */
const MAX_LIST = 1000;

/** A scalar as text; a list of scalars joined with commas. Deeper structures are not text. */
function asText(value: unknown, field: string, issue: Issue, nested = false): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && !nested) {
    return value.slice(0, MAX_LIST).map((v) => asText(v, field, issue, true)).filter(Boolean).join(", ") || undefined;
  }
  issue("field-type", `field ${quote(field)} should be text${nested ? " or a list of texts" : ""}, found ${Array.isArray(value) ? "a list inside a list" : "a mapping"}; ignored`);
  return undefined;
}

function asList(value: unknown, field: string, issue: Issue): string[] {
  if (value === null || value === undefined || value === "") return [];
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,，、;；]/) : [value];
  if (items.length > MAX_LIST) issue("field-type", `field ${quote(field)} holds ${items.length} items; only the first ${MAX_LIST} are kept`);
  const out: string[] = [];
  for (const item of items.slice(0, MAX_LIST)) {
    const text = asText(item, field, issue, true);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

function asBool(value: unknown): boolean {
  return value === true || (typeof value === "string" && /^(true|yes|1)$/i.test(value.trim()));
}

/** `2025-10-06`, `2025/10/6`, `2025-10-06T12:00:00Z`, `October 6, 2025` → `2025-10-06`; anything else undefined. */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === "number" && value > 1000 && value < 10000) return `${value}-01-01`;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/.exec(text);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
    return date.toISOString().slice(0, 10);
  }
  if (/^\d{4}-\d{2}$/.test(text)) return parseDate(`${text}-01`);
  if (/^[A-Za-z]+\.? \d{1,2},? \d{4}$|^\d{1,2} [A-Za-z]+\.? \d{4}$/.test(text)) {
    const t = Date.parse(`${text} UTC`);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
  }
  return undefined;
}

/** `1:16:20`, `76:20`, `4580`, `1h16m20s`, `76 min` → seconds. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number" && value >= 0) return Math.round(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+(?::\d{1,2}){1,2}$/.test(text)) return text.split(":").reduce((t, p) => t * 60 + Number(p), 0);
  if (/^\d+$/.test(text)) return Number(text);
  const hms = /^(?:(\d+)\s*(?:h|小时))?\s*(?:(\d+)\s*(?:m|min|分钟?))?\s*(?:(\d+)\s*(?:s|秒))?$/i.exec(text);
  if (hms && (hms[1] || hms[2] || hms[3])) return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  return undefined;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function emptyMeta(title: string): Meta {
  return { title, tags: [], people: [], companies: [], products: [], media: [], project: [], draft: false };
}

/** Validates and normalises front matter fields; `title` is left empty when absent (the ingest decides). */
export function normaliseMeta(fm: FrontMatter, problems: ProblemList): Meta {
  const data = fm.data ?? {};
  const lineOf = (field: string) => fm.keyLines.get(field) ?? 1;
  const reported = new Set<string>();
  const issueFor = (field: string): Issue => (code, message) => {
    // One warning per field and kind, however many items repeat the mistake.
    if (reported.has(`${field}\n${code}`)) return;
    reported.add(`${field}\n${code}`);
    problems.warn(lineOf(field), code, message);
  };
  const text = (field: string) => asText(data[field], field, issueFor(field));
  const list = (field: string) => asList(data[field], field, issueFor(field));
  const first = (...fields: string[]) => fields.map(text).find((v) => v !== undefined);

  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) problems.warn(lineOf(key), "unknown-field", `unknown front matter field ${quote(key)} (kept out of the page)`);
  }

  const meta = emptyMeta(first("title") ?? "");
  meta.titleEn = first("title_en", "titleEn", "english_title", "original_title");
  meta.summary = first("summary", "description");
  meta.speaker = text("speaker");
  meta.author = text("author");
  meta.guest = text("guest");
  meta.channel = text("channel");
  meta.series = text("series");
  meta.area = text("area");
  meta.category = text("category");
  meta.insight = text("insight");
  meta.status = text("status");
  meta.slug = first("slug", "permalink");
  meta.tags = list("tags");
  meta.people = list("people");
  meta.companies = [...list("companies_orgs"), ...list("companies")];
  meta.products = list("products_models");
  meta.media = list("media_books");
  meta.project = list("project");
  meta.draft = asBool(data.draft);

  if (data.date !== undefined && data.date !== null && data.date !== "") {
    meta.date = parseDate(data.date);
    if (!meta.date) problems.error(lineOf("date"), "date-invalid", `\`date\` is not a date: ${describe(data.date)} (use YYYY-MM-DD)`);
  }
  if (data.duration !== undefined && data.duration !== null && data.duration !== "") {
    meta.duration = parseDuration(data.duration);
    if (meta.duration === undefined) problems.warn(lineOf("duration"), "duration-invalid", `\`duration\` is not a duration: ${describe(data.duration)}`);
  }
  const source = first("source", "url");
  if (source) {
    if (isHttpUrl(source)) meta.source = source;
    else problems.warn(lineOf(data.source !== undefined ? "source" : "url"), "source-not-http", `\`source\` is not an http(s) URL: ${quote(source)}; not linked`);
  }
  return meta;
}
