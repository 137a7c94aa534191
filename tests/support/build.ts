// Builds a folder of sources into a temporary site, for tests that read the rendered pages.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./fixtures.ts";

const run = promisify(execFile);

export async function buildInto(seedsDir: string, env: Record<string, string> = {}): Promise<string> {
  const siteDir = join(mkdtempSync(join(tmpdir(), "site-")), "_site");
  await run(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, SITE_DIR: siteDir, NO_SEARCH_INDEX: "1", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return siteDir;
}
