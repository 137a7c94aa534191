// A build killed with kill -9 while Pagefind runs: the published site stays as it was, Pagefind
// does not outlive the build by more than a few seconds, and the next build removes what the
// dead one left (its staging folder, its search records). src/search/pagefind-guard.mjs,
// src/site/leftovers.ts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commandOf, descendantsOf } from "../../scripts/bench/processes.ts";
import { iterateArchive } from "../../scripts/bench/synthetic.ts";
import { isAlive, removeLeftovers } from "../../src/site/leftovers.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "build-killed-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, SEARCH_CACHE_DIR: "off", ...extra };
  for (const key of ["VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_OPTIONS", "ALLOW_ERRORS", "NO_SEARCH_INDEX"]) if (!(key in extra)) delete e[key];
  return e;
}

/** Processes below `pid`, with their command lines. */
const descendants = (pid: number) => descendantsOf(pid).map((p) => ({ pid: p, cmd: commandOf(p) }));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(process.platform !== "linux")("a build killed while Pagefind runs", () => {
  it("leaves the site as it was and no process behind; the next build removes its leftovers", { timeout: 240_000 }, async () => {
    const seeds = join(work, "seeds");
    mkdirSync(seeds);
    const seedTexts = readdirSync(join(ROOT, "seeds")).filter((n) => /\.(md|txt)$/.test(n)).map((name) => ({ name, text: readFileSync(join(ROOT, "seeds", name), "utf8") }));
    for (const item of iterateArchive({ count: 30, seedTexts })) writeFileSync(join(seeds, item.name), item.text);
    const site = join(work, "site");
    mkdirSync(site);
    // A temporary folder of its own: other builds running beside this test remove the leftovers of dead builds they find in theirs.
    const tmp = join(work, "tmp");
    mkdirSync(tmp);
    writeFileSync(join(site, "published.txt"), "the site as it was");

    const build = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, env: env({ SEEDS_DIR: seeds, SITE_DIR: site, TMPDIR: tmp }), stdio: "ignore" });
    const pid = build.pid!;
    let pagefind: { pid: number; cmd: string }[] = [];
    for (let i = 0; i < 1200 && !pagefind.length; i++) {
      await sleep(100);
      pagefind = descendants(pid).filter((p) => /pagefind/.test(p.cmd) && !/pagefind-guard/.test(p.cmd));
    }
    expect(pagefind.length, "Pagefind started").toBeGreaterThan(0);
    const below = descendants(pid);
    process.kill(pid, "SIGKILL");
    await new Promise((done) => build.once("exit", done));

    // Within a few seconds, nothing the build started is running.
    let running = below;
    for (let i = 0; i < 50 && running.length; i++) {
      await sleep(100);
      running = running.filter((p) => isAlive(p.pid) && existsSync(`/proc/${p.pid}`));
    }
    expect(running.map((p) => p.cmd)).toEqual([]);

    expect(readFileSync(join(site, "published.txt"), "utf8")).toBe("the site as it was");
    const staging = `${site}.building-${pid}`;
    expect(existsSync(staging), "the dead build's staging folder").toBe(true);
    expect(readdirSync(tmp).some((n) => n.startsWith(`search-records-${pid}-`)), "the dead build's records").toBe(true);

    // The next build removes them (and succeeds).
    const next = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, env: env({ SEEDS_DIR: seeds, SITE_DIR: site, NO_SEARCH_INDEX: "1", TMPDIR: tmp }), encoding: "utf8", timeout: 180_000 });
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toContain(`removed`);
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(tmp).some((n) => n.startsWith(`search-records-${pid}-`))).toBe(false);
    expect(existsSync(join(site, "index.html"))).toBe(true);
  });
});

describe.skipIf(process.platform !== "linux")("pagefind-guard", () => {
  it("ends what it runs, and all that starts, when its parent is killed, even if it prints nothing", { timeout: 60_000 }, async () => {
    // A stand-in for Pagefind in a phase where it prints nothing (writing its files): it would run on for a minute.
    const sleeper = join(work, "sleeper.cjs");
    writeFileSync(sleeper, "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' }); setTimeout(() => {}, 60000);\n");
    const guard = resolve(ROOT, "src/search/pagefind-guard.mjs");
    const parent = spawn(process.execPath, ["-e", `require("node:child_process").spawn(process.execPath, [${JSON.stringify(guard)}, ${JSON.stringify(sleeper)}], { stdio: "ignore" }); setTimeout(() => {}, 60000);`], { stdio: "ignore" });
    let below: { pid: number; cmd: string }[] = [];
    for (let i = 0; i < 100 && below.length < 3; i++) {
      await sleep(100);
      below = descendants(parent.pid!);
    }
    expect(below.length, "the guard, the stand-in and its child").toBeGreaterThanOrEqual(3);
    process.kill(parent.pid!, "SIGKILL");
    let running = below;
    for (let i = 0; i < 50 && running.length; i++) {
      await sleep(100);
      running = running.filter((p) => existsSync(`/proc/${p.pid}`) && !/^Z/.test(readFileSync(`/proc/${p.pid}/stat`, "utf8").split(") ")[1] ?? ""));
    }
    expect(running.map((p) => p.cmd)).toEqual([]);
  });
});

describe("removeLeftovers", () => {
  it("removes the folders of dead builds only", () => {
    const dir = mkdtempSync(join(work, "leftovers-"));
    const tmp = mkdtempSync(join(work, "tmp-"));
    const site = join(dir, "_site");
    // A process that has ended: its pid is free (a fresh child, waited for).
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout.trim());
    for (const name of [`_site.building-${deadPid}`, `_site.old-${deadPid}`, `_site.building-${process.pid}`, "_site", "other.building-1"]) mkdirSync(join(dir, name));
    for (const name of [`search-records-${deadPid}-abc`, `search-records-${process.pid}-def`]) mkdirSync(join(tmp, name));
    const removed = removeLeftovers(site, tmp).map((p) => p.slice(p.lastIndexOf("/") + 1)).sort();
    expect(removed).toEqual([`_site.building-${deadPid}`, `_site.old-${deadPid}`, `search-records-${deadPid}-abc`].sort());
    expect(readdirSync(dir).sort()).toEqual(["_site", `_site.building-${process.pid}`, "other.building-1"].sort());
  });
});
