// The one model shared by pages, search and checks (see DESIGN.md).

/** `info`: worth knowing, never a fault (a build never fails on it, the summary counts it apart). */
export type Severity = "error" | "warning" | "info";

/** Something the ingest noticed about one input file. Never thrown: collected. */
export interface Problem {
  file: string;
  /** 1-based line in the source file (0 when the problem is about the whole file). */
  line: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `unpaired-paragraph`. */
  code: string;
  message: string;
}

/** One side of a pair: source markdown text plus where it came from. */
export interface Side {
  /** Paragraph text without the speaker label (markdown, not HTML). */
  text: string;
  /** 1-based source line of the paragraph's first line. */
  line: number;
  /** Speaker label that opened this side (`Alex`, `主持人`), removed from `text`. */
  speaker?: string;
}

export type PairKind =
  | "pair" // both sides present
  | "en-only" // English with no translation
  | "zh-only" // Chinese with no original
  | "text"; // text the parser did not understand, kept in place as plain markdown

/** One aligned row: an English paragraph and its Chinese translation. */
export interface Pair {
  /** Unique within the transcript, e.g. `p-12`; used as the HTML id. */
  id: string;
  kind: PairKind;
  en?: Side;
  zh?: Side;
  /** For kind `text`: the raw source kept as it is. */
  raw?: Side;
  /** Speaker label that started the paragraph, if any (`Jensen Huang`, `主持人`). */
  speaker?: string;
  /** 1-based source line where the pair starts. */
  line: number;
  /** Times written just before this pair (a part marker, a segment time), in source order. */
  marks?: TimeMark[];
}

/**
 * A time written in the flow of a transcript, not a paragraph: a segment time
 * (`**(1:20 - 2:40)**`, a line of its own) or a chunk marker of the translation
 * (`### (15:00 - 30:00) Part 2`). It says where the text after it starts in the video.
 */
export interface TimeMark {
  kind: "segment" | "part";
  time: TimeRange;
  /** 1-based source line of the marker. */
  line: number;
}

/** A time range in seconds; `end` is undefined for `End` or an open range. */
export interface TimeRange {
  start: number;
  end?: number;
  /** As written, e.g. `8:18 - 15:24`. */
  label: string;
}

export interface Section {
  /** Unique within the transcript, e.g. `s-3`; used as the HTML id. */
  id: string;
  heading: string;
  time?: TimeRange;
  /** A one-line note under the heading (the `> …` chapter summary of video summaries). */
  note?: string;
  pairs: Pair[];
  /** Times written after the section's last pair (none follows them in the section). */
  endMarks?: TimeMark[];
  line: number;
}

export interface Chapter {
  time?: TimeRange;
  title: string;
  summary?: string;
  /** 1-based source line of the chapter's row or list item. */
  line?: number;
}

export interface CorePoint {
  title: string;
  /** Markdown body of the point (bullets etc.). */
  body: string;
}

export interface Quote {
  text: string;
  by?: string;
  /** 1-based source line of the quote. */
  line?: number;
  /** The id of the pair where it is said (`p-12`), when the transcript holds it for sure. */
  pair?: string;
}

export interface PersonNote {
  name: string;
  /** Markdown body (identity, background, views). */
  body: string;
}

export interface CompanyNote {
  name: string;
  context?: string;
  importance?: string;
}

/** The summary blocks of a video-summary document, parsed. */
export interface Summary {
  tldr?: string;
  chapters: Chapter[];
  corePoints: CorePoint[];
  companies: CompanyNote[];
  quotes: Quote[];
  people: PersonNote[];
  videoType?: string;
  /** The video-information bullets as label/value pairs, in source order. */
  info: { label: string; value: string }[];
  /** Generator footer lines (`*由 … 生成*`) as markdown. */
  footer: string[];
  /** Introductory blockquotes and other prose found before the transcript. */
  intro: string[];
  /** Blocks with a label the parser does not know, kept as markdown. */
  other: { heading: string; body: string; line: number }[];
}

/** Front matter after validation and normalisation. Every list is a list; strings are trimmed. */
export interface Meta {
  title: string;
  /** English title, where known (e.g. the H1 of a video summary whose title is English). */
  titleEn?: string;
  summary?: string;
  /** ISO date `YYYY-MM-DD`. */
  date?: string;
  speaker?: string;
  author?: string;
  guest?: string;
  /** Channel (video summaries). */
  channel?: string;
  /** Duration in seconds. */
  duration?: number;
  /** http(s) URL of the source video. */
  source?: string;
  tags: string[];
  people: string[];
  companies: string[];
  products: string[];
  media: string[];
  area?: string;
  category?: string;
  project: string[];
  series?: string;
  insight?: string;
  status?: string;
  draft: boolean;
  /** Explicit slug or permalink from the front matter. */
  slug?: string;
}

export type Shape = "front-matter" | "video-summary" | "bare";

export interface Transcript {
  slug: string;
  /** Path of the source file as given to the ingest (relative to the seeds folder). */
  file: string;
  shape: Shape;
  meta: Meta;
  summary?: Summary;
  sections: Section[];
  problems: Problem[];
  /** Languages present in the transcript body. */
  languages: { en: number; zh: number };
}

/** What the index, the browse pages and the feed show of a transcript: no text. */
export type Listing = Pick<Transcript, "slug" | "file" | "shape" | "meta" | "languages">;

/**
 * A transcript as the build holds it while it renders the pages: a listing, how many pairs its
 * text has and its size. Its text is read again for its own page and released after, so that the
 * build's memory does not grow with the archive (src/site/card.ts).
 */
export type TranscriptCard = Listing & {
  pairs: number;
  bytes: number;
  /** The spellings with capitals its own text gives its names written all in lower case (site/taxonomy.ts). */
  spellings: Record<string, string[]>;
  /** The summary's quotes, each with who said it (its own `— name`, else its paragraph's speaker) and that paragraph's id. */
  quotes: { text: string; by?: string; pair?: string }[];
  problems: Problem[];
};

