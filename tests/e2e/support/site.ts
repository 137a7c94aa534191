// Building the site for the browser tests: `npm run build` in a child process,
// into a fresh temp dir (the build honours SITE_DIR, SEEDS_DIR and PATH_PREFIX).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is tests/browser/support/site.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The path prefix of the shared prefixed site (global-setup.ts). */
export const PREFIXED_AT = "/archive/";

/** The default seeds folder. */
export const SEEDS_DIR = resolve(REPO_ROOT, "seeds");

export interface BuildOptions {
  /** Seeds folder (relative paths are taken from the repo root). Default: the build's own default. */
  seedsDir?: string;
  /** Passed as PATH_PREFIX, e.g. `/archive/`. */
  pathPrefix?: string;
  /** Any other environment for the build. */
  extraEnv?: Record<string, string>;
  /** Kill the build after this many ms (default 240 000). */
  timeoutMs?: number;
}

export interface BuildResult {
  siteDir: string;
  stdout: string;
  stderr: string;
  /** Exit code; -1 if the process was killed (timeout or signal). */
  code: number;
}

/**
 * Run `npm run build` into a new temp dir. Resolves whatever the exit code is
 * (tests may build bad seeds on purpose); rejects only if the process could not
 * start. See `buildSiteOrThrow` for the checked version.
 */
export async function buildSite(opts: BuildOptions = {}): Promise<BuildResult> {
  const siteDir = await mkdtemp(resolve(tmpdir(), "transcripts-site-"));
  // No shard cache unless a test asks for one: builds running side by side would share it.
  const env: NodeJS.ProcessEnv = { ...process.env, SEARCH_CACHE_DIR: "off", ...opts.extraEnv, SITE_DIR: siteDir };
  if (opts.seedsDir !== undefined) env.SEEDS_DIR = resolve(REPO_ROOT, opts.seedsDir);
  if (opts.pathPrefix !== undefined) env.PATH_PREFIX = opts.pathPrefix;
  // Vitest sets these for its workers; the build is a separate program.
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  delete env.NODE_OPTIONS;

  const timeoutMs = opts.timeoutMs ?? 240_000;
  return new Promise<BuildResult>((ok, fail) => {
    const child = spawn("npm", ["run", "build"], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      fail(new Error(`could not run \`npm run build\`: ${err.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[buildSite] killed after ${timeoutMs} ms\n`;
      ok({ siteDir, stdout, stderr, code: code ?? -1 });
    });
  });
}

/** Text for an error about a failed build, with its output. */
export function describeBuild(result: BuildResult, opts: BuildOptions = {}): string {
  const env = [
    `SITE_DIR=${result.siteDir}`,
    opts.seedsDir !== undefined ? `SEEDS_DIR=${resolve(REPO_ROOT, opts.seedsDir)}` : "",
    opts.pathPrefix !== undefined ? `PATH_PREFIX=${opts.pathPrefix}` : "",
    ...Object.entries(opts.extraEnv ?? {}).map(([k, v]) => `${k}=${v}`),
  ].filter(Boolean);
  return [
    `\`npm run build\` exited with code ${result.code} (${env.join(" ")})`,
    "--- stdout ---",
    result.stdout.trimEnd() || "(empty)",
    "--- stderr ---",
    result.stderr.trimEnd() || "(empty)",
  ].join("\n");
}

/** `buildSite`, but throws (with the build's stdout and stderr) on a non-zero exit. */
export async function buildSiteOrThrow(opts: BuildOptions = {}): Promise<BuildResult> {
  const result = await buildSite(opts);
  if (result.code !== 0) {
    await removeSite(result.siteDir);
    throw new Error(describeBuild(result, opts));
  }
  return result;
}

/** Delete a site dir made by `buildSite` (kept if KEEP_TEST_SITE=1, for debugging). */
export async function removeSite(siteDir: string): Promise<void> {
  if (process.env.KEEP_TEST_SITE === "1") return;
  await rm(siteDir, { recursive: true, force: true });
}
