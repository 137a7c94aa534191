// Front matter: split off with gray-matter, parsed as YAML without implicit
// dates (so a bad date is seen as written), then validated and normalised
// into Meta. Every field may be missing, empty, null, a string where a list
// is usual, or wrapped over lines.
import matter from "gray-matter";
import yaml from "js-yaml";
import type { Meta } from "./model.ts";
import type { ProblemList } from "./problems.ts";

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
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

const yamlEngine = (source: string): object => {
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  // gray-matter wants an object back; wrap anything else so it can be reported.
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : { __notMapping: value ?? null };
};

export function readFrontMatter(text: string, problems: ProblemList): FrontMatter {
  const keyLines = new Map<string, number>();
  if (!OPEN.test(text)) return { present: false, body: text, bodyLine: 1, keyLines };
  const afterOpen = text.slice(text.indexOf("\n") + 1);
  const close = CLOSE.exec(afterOpen);
  if (!close) {
    problems.error(1, "front-matter-unclosed", "front matter opens with `---` but has no closing `---` line; the whole file is shown as text");
    return { present: true, body: text, bodyLine: 1, keyLines };
  }
  const yamlText = afterOpen.slice(0, close.index);
  const yamlLines = yamlText.split("\n");
  yamlLines.forEach((l, i) => {
    const m = /^([^\s#:][^:]*?)\s*:(?:\s|$)/.exec(l);
    if (m && !keyLines.has(m[1])) keyLines.set(m[1], i + 2);
  });
  const closeLine = yamlText.split("\n").length + 1; // the `---` that closes
  const rest = afterOpen.slice(close.index + close[0].length).replace(/^\n/, "");
  const bodyLine = closeLine + 1;

  let data: Record<string, unknown> | undefined;
  try {
    const parsed = matter(text, { engines: { yaml: yamlEngine } });
    data = parsed.data as Record<string, unknown>;
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message.split("\n")[0] : String(err));
    const line = typeof mark?.line === "number" ? mark.line + 2 : 1;
    problems.error(line, "yaml-invalid", `front matter is not valid YAML: ${reason}`);
    return { present: true, body: rest, bodyLine, keyLines };
  }
  if (data && "__notMapping" in data) {
    const value = data.__notMapping;
    if (value !== null) {
      problems.error(2, "front-matter-not-mapping", `front matter must be a mapping of fields, found ${Array.isArray(value) ? "a list" : typeof value}`);
    }
    data = undefined;
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

function asText(value: unknown, field: string, issue: Issue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => asText(v, field, issue)).filter(Boolean).join(", ") || undefined;
  issue("field-type", `field \`${field}\` should be text, found a mapping; ignored`);
  return undefined;
}

function asList(value: unknown, field: string, issue: Issue): string[] {
  if (value === null || value === undefined || value === "") return [];
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,，、;；]/) : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = asText(item, field, issue);
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
  const issueFor = (field: string): Issue => (code, message) => problems.warn(lineOf(field), code, message);
  const text = (field: string) => asText(data[field], field, issueFor(field));
  const list = (field: string) => asList(data[field], field, issueFor(field));
  const first = (...fields: string[]) => fields.map(text).find((v) => v !== undefined);

  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) problems.warn(lineOf(key), "unknown-field", `unknown front matter field \`${key}\` (kept out of the page)`);
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
    if (!meta.date) problems.error(lineOf("date"), "date-invalid", `\`date\` is not a date: ${JSON.stringify(String(data.date))} (use YYYY-MM-DD)`);
  }
  if (data.duration !== undefined && data.duration !== null && data.duration !== "") {
    meta.duration = parseDuration(data.duration);
    if (meta.duration === undefined) problems.warn(lineOf("duration"), "duration-invalid", `\`duration\` is not a duration: ${JSON.stringify(String(data.duration))}`);
  }
  const source = first("source", "url");
  if (source) {
    if (isHttpUrl(source)) meta.source = source;
    else problems.warn(lineOf(data.source !== undefined ? "source" : "url"), "source-not-http", `\`source\` is not an http(s) URL: ${JSON.stringify(source)}; not linked`);
  }
  return meta;
}
