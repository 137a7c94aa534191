// Reading the seeds folder. The only file-system access of the library, and
// only reads. Ingest results are kept per file (by size and mtime) so that a
// rebuild under `npm start` and the check before a build parse each file once.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { assembleArchive, ingestFile, SOURCE_EXTENSIONS, type Archive } from "./archive.ts";
import type { Transcript } from "./model.ts";

const cache = new Map<string, { key: string; transcript: Transcript }>();

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

export function loadArchive(dir: string): Archive {
  const transcripts = listSourceFiles(dir).map((path) => {
    const file = relative(dir, path).split(sep).join("/");
    const stat = statSync(path);
    const key = `${stat.size}:${stat.mtimeMs}`;
    const hit = cache.get(path);
    if (hit?.key === key) return hit.transcript;
    const transcript = ingestFile({ file, bytes: readFileSync(path) });
    cache.set(path, { key, transcript });
    return transcript;
  });
  return assembleArchive(transcripts);
}
