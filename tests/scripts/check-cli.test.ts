// `npm run check` and `npm run build` on bad input, as a user runs them: the
// report (sorted, one line per problem, then a summary; or JSON), the exit
// codes, and a build that fails leaving the previous site as it was, with no
// stack trace. The commands run as child processes (`node --import tsx`).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/ingest/load.ts";
import { formatProblem } from "../../src/ingest/problems.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const HOSTILE = resolve(ROOT, "tests/fixtures/hostile");
const LINE = /^(.+):(\d+): (error|warning|info) ([a-z0-9-]+) (.+)$/;
const SUMMARY = /^(\d+) errors?, (\d+) warnings?(?:, (?:\d+) info)? in (\d+) files?$/;
const STACK = /^\s+at .+[(:]\d+/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ["VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_OPTIONS", "ALLOW_ERRORS", "SITE_DIR", "SEEDS_DIR"]) if (!(key in extra)) delete env[key];
  return env;
}

function run(script: string, args: string[], env: Record<string, string>, prefix: string[] = []): Run {
  const result = spawnSync(prefix[0] ?? process.execPath, [...prefix.slice(1), ...(prefix.length ? [process.execPath] : []), "--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const check = (seeds: string, ...args: string[]) => run("scripts/check.ts", args, { SEEDS_DIR: seeds });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "check-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe("npm run check", () => {
  it("lists every problem of the hostile corpus, sorted, then the summary, and exits 1", () => {
    const { code, stdout, stderr } = check(HOSTILE);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(STACK);
    const lines = stdout.trimEnd().split("\n");
    const summary = lines.pop()!;
    expect(summary).toMatch(SUMMARY);
    const archive = loadArchive(HOSTILE);
    expect(lines).toHaveLength(archive.problems.length);
    for (const line of lines) expect(line).toMatch(LINE);
    // Sorted: by file, then line (what the reader scans for).
    const keys = lines.map((l) => LINE.exec(l)!).map((m) => [m[1], Number(m[2])] as const);
    for (let i = 1; i < keys.length; i++) {
      const [[fa, la], [fb, lb]] = [keys[i - 1], keys[i]];
      expect(fa.localeCompare(fb) < 0 || (fa === fb && la <= lb), `${lines[i - 1]}\n  before\n${lines[i]}`).toBe(true);
    }
    const [, errors, warnings, files] = SUMMARY.exec(summary)!.map(Number);
    expect(errors).toBe(archive.problems.filter((p) => p.severity === "error").length);
    expect(warnings).toBe(archive.problems.filter((p) => p.severity === "warning").length);
    expect(files).toBe(readdirSync(HOSTILE).length);
    // Paths as the user named the folder.
    expect(lines[0].startsWith("tests/fixtures/hostile/")).toBe(true);
  });

  it("--json prints the same problems as JSON", () => {
    const text = check(HOSTILE);
    const json = check(HOSTILE, "--json");
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { files: number; errors: number; warnings: number; info?: number; problems: Parameters<typeof formatProblem>[0][]; summary: string };
    const lines = text.stdout.trimEnd().split("\n");
    expect(report.problems.map(formatProblem)).toEqual(lines.slice(0, -1));
    expect(report.summary).toBe(lines[lines.length - 1]);
    expect(report.errors + report.warnings + (report.info ?? 0)).toBe(report.problems.length);
    expect(report.files).toBe(readdirSync(HOSTILE).length);
  });

  it("exits 0 with warnings only, and says so", () => {
    const dir = folder("warnings-only", { "a.md": "An English paragraph.\n\n中文段落。\n\nAn unpaired one.\n" });
    const { code, stdout } = check(dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/a\.md:1: warning title-from-filename /);
    expect(stdout).toMatch(/a\.md:5: warning unpaired-paragraph /);
    expect(stdout.trimEnd().split("\n").pop()).toBe("0 errors, 2 warnings in 1 file");
  });

  it("info lines (a quote not linked) are listed and counted apart, and never fail the check", () => {
    const doc = "# Info only\n\n## 视频信息\n\n- **频道**: Pod\n\n## 💬 经典金句\n\n> \"Safety is the product.\"\n> — Dana\n\n## 📝 完整翻译\n\n这是唯一的中文段落。\n";
    const dir = folder("info-only", { "v.md": doc });
    const { code, stdout } = check(dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/v\.md:9: info quote-not-linked quote "\\"Safety is the product\.\\"" is in English/);
    expect(stdout.trimEnd().split("\n").pop()).toBe("0 errors, 0 warnings, 1 info in 1 file");
    const json = JSON.parse(check(dir, "--json").stdout) as { errors: number; warnings: number; info: number };
    expect(json).toMatchObject({ errors: 0, warnings: 0, info: 1 });
    const site = join(tmp, "info-site");
    const build = run("scripts/build.ts", [], { SEEDS_DIR: dir, SITE_DIR: site, NO_SEARCH_INDEX: "1" });
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("0 errors, 0 warnings, 1 info in 1 file");
    expect(existsSync(join(site, "t", "v", "index.html"))).toBe(true);
  });

  it("exits 0 on a clean folder: `0 errors, 0 warnings in 1 file`", () => {
    const dir = folder("clean", { "t.md": "---\ntitle: Clean\ndate: 2025-01-01\n---\n\nHello.\n\n你好。\n" });
    const { code, stdout } = check(dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("0 errors, 0 warnings in 1 file");
  });

  it("a missing seeds folder is an error, not a crash", () => {
    const { code, stdout, stderr } = check(join(tmp, "does-not-exist"));
    expect(code).toBe(1);
    expect(stdout).toMatch(/does-not-exist:0: error unreadable-file cannot read the seeds folder: it does not exist/);
    expect(stderr).not.toMatch(STACK);
  });

  it("an unknown option is a usage message and exit 2", () => {
    const { code, stderr } = run("scripts/check.ts", ["--bogus"], { SEEDS_DIR: HOSTILE });
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run check");
    expect(stderr).not.toMatch(STACK);
  });

  it("a link that leads nowhere is an unreadable file", () => {
    const dir = folder("links", { "ok.md": "---\ntitle: OK\n---\nHello.\n" });
    symlinkSync(join(dir, "nowhere.md"), join(dir, "broken.md"));
    symlinkSync(".", join(dir, "loop")); // a folder link back to itself: read once, no endless walk
    const { code, stdout } = check(dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/broken\.md:0: error unreadable-file cannot read the file: it is a link to a file that does not exist/);
    expect(stdout.trimEnd().split("\n").pop()).toBe("1 error, 0 warnings in 2 files");
  });

  it("a file without read permission is an unreadable file (the rest is still checked)", () => {
    const dir = folder("locked", { "locked.md": "Secret.\n", "open.md": "---\ntitle: Open\n---\nHello.\n" });
    chmodSync(join(dir, "locked.md"), 0o000);
    chmodSync(tmp, 0o755);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "open.md"), 0o644);
    // root reads anything: run the check as `nobody` then (setpriv, util-linux).
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !existsSync("/usr/bin/setpriv")) throw new Error("running as root without setpriv: cannot drop privileges to test permissions");
    const result = asRoot
      ? run("scripts/check.ts", [], { SEEDS_DIR: dir }, ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
      : check(dir);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/locked\.md:0: error unreadable-file cannot read the file: permission denied/);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe("1 error, 0 warnings in 2 files");
  });
});

describe("npm run build on bad input", () => {
  function siteWithMarker(name: string): string {
    const site = join(tmp, name);
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, "marker.txt"), "the previous site");
    return site;
  }
  const leftovers = (site: string) => readdirSync(dirname(site)).filter((f) => f.startsWith(`${name(site)}.`));
  const name = (p: string) => p.split("/").pop()!;

  it("with errors: lists all of them, stops, and leaves the previous site as it was", () => {
    const site = siteWithMarker("site-errors");
    const { code, stdout, stderr } = run("scripts/build.ts", [], { SEEDS_DIR: HOSTILE, SITE_DIR: site, NO_SEARCH_INDEX: "1" });
    expect(code).toBe(1);
    const archive = loadArchive(HOSTILE);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.filter((l) => LINE.test(l))).toHaveLength(archive.problems.length);
    expect(lines[lines.length - 1]).toMatch(SUMMARY);
    expect(stderr).toContain("build stopped: fix the errors above");
    expect(stdout + stderr).not.toMatch(STACK);
    expect(readdirSync(site)).toEqual(["marker.txt"]);
    expect(readFileSync(join(site, "marker.txt"), "utf8")).toBe("the previous site");
    expect(leftovers(site)).toEqual([]);
  });

  it("when Eleventy itself fails: one clear message, no stack trace, nothing half-built", () => {
    // The staging folder cannot be made under a file, so Eleventy's write throws.
    const blocker = join(tmp, "a-file");
    writeFileSync(blocker, "");
    const seeds = folder("good-seeds", { "t.md": "---\ntitle: Fine\n---\n\nHello.\n\n你好。\n" });
    const { code, stdout, stderr } = run("scripts/build.ts", [], { SEEDS_DIR: seeds, SITE_DIR: join(blocker, "site"), NO_SEARCH_INDEX: "1" });
    expect(code).toBe(1);
    expect(stdout).toContain("0 errors, 0 warnings in 1 file");
    expect(stderr).toMatch(/^build failed: .+/m);
    expect(stderr).toContain("was left as it was");
    expect(stdout + stderr).not.toMatch(STACK);
    expect(stdout + stderr).not.toContain("Original error stack trace");
  });

  it("a seeds folder with files the site builder would run as code: errors, and nothing is run", () => {
    const proof = join(tmp, "code-ran");
    const seeds = folder("unsafe-seeds", {
      "t.md": "---\ntitle: Fine\n---\n\nHello.\n\n你好。\n",
      "evil.njk": `{{ range.constructor("require('fs').writeFileSync('${proof}-njk', 'ran')")() }}`,
      ".hidden/x.njk": "hidden template",
      "t.11tydata.cjs": `require("fs").writeFileSync("${proof}-data", "ran"); module.exports = {};`,
      "sub/sub.11tydata.json": '{"eleventyComputed": {"title": "{{ 6 * 7 }}"}}',
    });
    const site = siteWithMarker("site-unsafe");
    const { code, stdout, stderr } = run("scripts/build.ts", [], { SEEDS_DIR: seeds, SITE_DIR: site, NO_SEARCH_INDEX: "1" });
    expect(code).toBe(1);
    const unsafe = stdout.split("\n").filter((l) => l.includes(" error unsafe-file "));
    expect(unsafe.map((l) => l.split(":0:")[0].replace(/^.*unsafe-seeds\//, "")).sort()).toEqual([".hidden/x.njk", "evil.njk", "sub/sub.11tydata.json", "t.11tydata.cjs"]);
    expect(stderr).toContain("build stopped");
    expect(existsSync(`${proof}-njk`)).toBe(false);
    expect(existsSync(`${proof}-data`)).toBe(false);
    expect(readdirSync(site)).toEqual(["marker.txt"]);
  });

  it("ALLOW_ERRORS=1 builds despite errors, still listing them", () => {
    const site = siteWithMarker("site-allowed");
    const { code, stdout, stderr } = run("scripts/build.ts", [], { SEEDS_DIR: HOSTILE, SITE_DIR: site, NO_SEARCH_INDEX: "1", ALLOW_ERRORS: "1" });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/error yaml-invalid/);
    expect(stderr).toContain("ALLOW_ERRORS=1");
    expect(existsSync(join(site, "index.html"))).toBe(true);
    expect(existsSync(join(site, "marker.txt"))).toBe(false); // replaced whole
    expect(leftovers(site)).toEqual([]);
  });
});
