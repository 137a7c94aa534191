// The archive: every source file ingested, then the checks that need all of
// them at once (two transcripts at one URL), sorted newest first.
import { decodeSource } from "./decode.ts";
import { ingest } from "./ingest.ts";
import type { Problem, Transcript } from "../model.ts";
import { ProblemList, sortProblems } from "./problems.ts";
import { emptyMeta } from "./frontmatter.ts";
import { slugFor } from "./slug.ts";

export interface SourceFile {
  /** Path relative to the seeds folder, with `/` separators. */
  file: string;
  bytes: Uint8Array;
}

/** What the archive's own checks need of a transcript (a whole one, or the card a build keeps). */
export type Archived = Pick<Transcript, "slug" | "file" | "meta" | "problems">;

export interface Archive<T extends Archived = Transcript> {
  transcripts: T[];
  problems: Problem[];
  fileCount: number;
}

export const SOURCE_EXTENSIONS = /\.(md|markdown|txt)$/i;

/** The stand-in for a file that could not be read or decoded: an empty page under its name, and the errors. */
function placeholder(file: string, problems: Problem[]): Transcript {
  const base = file.split("/").pop() || file;
  return { slug: slugFor(file), file, shape: "bare", meta: emptyMeta(base), sections: [], problems, languages: { en: 0, zh: 0 } };
}

/** A file that could not be read at all (permissions, a broken link): one `unreadable-file` error. */
export function unreadableTranscript(file: string, message: string): Transcript {
  return placeholder(file, [{ file, line: 0, severity: "error", code: "unreadable-file", message }]);
}

/**
 * One file → one transcript (an unreadable file still gets a page that says so, and its errors).
 * Never throws: should the ingest itself fail on some input, that is an `internal-error` naming the file.
 */
export function ingestFile(source: SourceFile): Transcript {
  const problems = new ProblemList(source.file);
  try {
    const text = decodeSource(source.bytes, problems);
    if (text === undefined) return placeholder(source.file, problems.items);
    const t = ingest(source.file, text);
    return { ...t, problems: [...problems.items, ...t.problems] };
  } catch (err) {
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    problems.error(0, "internal-error", `the file could not be read because of a bug in the reader (${why.split("\n")[0]}); please report it with this file`);
    return placeholder(source.file, problems.items);
  }
}

export function newestFirst(a: Archived, b: Archived): number {
  return (b.meta.date ?? "").localeCompare(a.meta.date ?? "") || a.meta.title.localeCompare(b.meta.title) || a.file.localeCompare(b.file);
}

/** Archive-wide checks over already ingested transcripts (plus problems found while listing the folder). */
export function assembleArchive<T extends Archived>(ingested: T[], folderProblems: Problem[] = []): Archive<T> {
  const byFile = [...ingested].sort((a, b) => a.file.localeCompare(b.file));
  const owners = new Map<string, T>();
  const extra: Problem[] = [...folderProblems];
  const transcripts = byFile.map((t) => {
    const owner = owners.get(t.slug);
    if (!owner) {
      owners.set(t.slug, t);
      return t;
    }
    extra.push({ file: t.file, line: 1, severity: "error", code: "duplicate-url", message: `same URL /t/${t.slug}/ as ${owner.file}; give one of them a \`slug\`` });
    // Kept under a free URL so that nothing is lost while the error is fixed.
    let n = 2;
    while (owners.has(`${t.slug}-${n}`)) n++;
    const moved = { ...t, slug: `${t.slug}-${n}` };
    owners.set(moved.slug, moved);
    return moved;
  });
  return {
    transcripts: transcripts.sort(newestFirst),
    problems: sortProblems([...transcripts.flatMap((t) => t.problems), ...extra]),
    fileCount: ingested.length,
  };
}

/**
 * A transcript read again on its own, under the slug the archive gave it (the archive may have
 * moved a duplicate URL to a free one): the same object when the slug is its own.
 */
export function withArchiveSlug<T extends Archived>(t: T, slug: string): T {
  return t.slug === slug ? t : { ...t, slug };
}

export function buildArchive(sources: SourceFile[]): Archive {
  return assembleArchive(sources.map(ingestFile));
}
