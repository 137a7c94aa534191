// Finished shard bundles kept between builds, keyed by their content: the code that makes them
// (ingest and search sources, the lock file that pins Pagefind and OpenCC), the passage size, and
// each transcript's slug and source bytes. A build whose shard has the same key copies the bundle
// instead of making it again, so that one added or edited transcript re-indexes one shard. The
// Pages workflow keeps the folder with actions/cache; a build removes the entries it did not use.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../", import.meta.url));

/** What makes a record: the sources of the ingest and the search index, and the pinned tools. */
function codeFiles(): string[] {
  const out: string[] = [join(SRC, "model.ts"), join(SRC, "site", "markdown.ts")];
  for (const dir of ["ingest", "search"]) {
    for (const name of readdirSync(join(SRC, dir), { recursive: true }).map(String).sort()) if (/\.(ts|mjs)$/.test(name)) out.push(join(SRC, dir, name));
  }
  const lock = join(SRC, "..", "package-lock.json");
  if (existsSync(lock)) out.push(lock);
  return out;
}

let code: string | undefined;

/** A digest of the code that makes the index (computed once per process). */
function codeKey(): string {
  if (!code) {
    const h = createHash("sha256");
    for (const file of codeFiles()) h.update(relative(SRC, file)).update("\0").update(readFileSync(file)).update("\0");
    code = h.digest("hex");
  }
  return code;
}

/** A shard's key: the code, the passage size, and each transcript's slug and source bytes (read from the seeds folder). */
export function shardKey(seedsDir: string, items: readonly { file: string; slug: string }[], passageSize: number): string {
  const h = createHash("sha256").update(codeKey()).update(`\0${passageSize}\0`);
  for (const item of [...items].sort((a, b) => a.slug.localeCompare(b.slug))) {
    h.update(item.slug).update("\0").update(createHash("sha256").update(readFileSync(join(seedsDir, item.file))).digest()).update("\0");
  }
  return h.digest("hex").slice(0, 32);
}

/** A folder of finished shard bundles, one per key. */
export class ShardCache {
  private readonly used = new Set<string>();

  constructor(readonly dir: string) {}

  /** The cached bundle of this key, if there is one (and marks it used). */
  get(key: string): string | undefined {
    const path = join(this.dir, key);
    if (!existsSync(join(path, "pagefind-entry.json"))) return undefined;
    this.used.add(key);
    return path;
  }

  /** Keeps a copy of a finished bundle under its key (written aside, then renamed: never half an entry). */
  put(key: string, bundle: string): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${key}-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    cpSync(bundle, tmp, { recursive: true });
    rmSync(join(this.dir, key), { recursive: true, force: true });
    renameSync(tmp, join(this.dir, key));
    this.used.add(key);
  }

  /** Removes every entry this build did not use, and leftovers of interrupted writes. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (!this.used.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}
