// `npm run bench [-- --count 1000]`: the build measured on a deterministic
// synthetic archive, against a floor (markdown-it alone over the same files,
// then the Pagefind CLI over plain pages of the same text), plus an
// incremental rebuild under `npm start`. Prints a report; asserts nothing.
//
//   --count N        transcripts (default 1000, about 150 MB)
//   --avg-bytes B    average transcript size (default 150000)
//   --keep           keep bench-out/ afterwards
//   --skip-floor / --skip-serve / --skip-search   leave a part out
import { spawn, spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import MarkdownIt from "markdown-it";
import { descendantsOf } from "./processes.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    "avg-bytes": { type: "string", default: "150000" },
    keep: { type: "boolean", default: false },
    "skip-floor": { type: "boolean", default: false },
    "skip-serve": { type: "boolean", default: false },
    "skip-search": { type: "boolean", default: false },
  },
});

const ROOT = process.cwd();
// Inside the project, so that `npm start`'s incremental rebuild can match the edited file (see scripts/serve.ts).
const WORK = resolve(ROOT, "bench-out");
const SEEDS = join(WORK, "seeds");
const SITE = join(WORK, "site");
const node = process.execPath;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function walk(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Resident memory of `pid` and all its descendants (Pagefind runs as a child process), from /proc. */
function treeMemory(pid: number): { rss: number; hwm: Map<number, number> } {
  let rss = 0;
  const hwm = new Map<number, number>();
  for (const p of [pid, ...descendantsOf(pid)]) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      hwm.set(p, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // gone meanwhile
    }
  }
  return { rss, hwm };
}

interface Measured {
  ms: number;
  /** Peak RSS of the node process itself (all its threads). */
  peakRss: number;
  /** Peak RSS of the largest child process (Pagefind's). */
  peakChildRss: number;
  /** Peak of the sum over the process and its children, sampled every 100 ms. */
  peakTreeRss: number;
  out: string;
  code: number;
}

/** Runs a node script to completion, sampling its memory and its children's from /proc. */
function runMeasured(args: string[], env: NodeJS.ProcessEnv, command = node): Promise<Measured> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    let peakRss = 0;
    let peakChildRss = 0;
    let peakTreeRss = 0;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const sample = setInterval(() => {
      if (!child.pid) return;
      const { rss, hwm } = treeMemory(child.pid);
      peakTreeRss = Math.max(peakTreeRss, rss);
      for (const [pid, bytes] of hwm) {
        if (pid === child.pid) peakRss = Math.max(peakRss, bytes);
        else peakChildRss = Math.max(peakChildRss, bytes);
      }
    }, 100);
    child.on("close", (code) => {
      clearInterval(sample);
      // The build reports its own peak (process.resourceUsage), which sampling can miss at the very end.
      const own = /peak RSS (\d+) MB/.exec(out);
      if (own) peakRss = Math.max(peakRss, Number(own[1]) * 1e6);
      done({ ms: performance.now() - started, peakRss, peakChildRss, peakTreeRss: Math.max(peakTreeRss, peakRss), out, code: code ?? 1 });
    });
  });
}

const report: string[] = [];
const say = (line: string) => {
  report.push(line);
  console.log(line);
};

// ------------------------------------------------------------ the archive
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const synth = spawnSync(node, ["--import", "tsx", "scripts/bench/synth.ts", "--count", values.count!, "--avg-bytes", values["avg-bytes"]!, "--out", SEEDS], { cwd: ROOT, encoding: "utf8" });
if (synth.status !== 0) throw new Error(synth.stderr);
const input = walk(SEEDS);
say(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
say(`archive: ${input.files} transcripts, ${mb(input.bytes)}`);

// ------------------------------------------------------------ the build
// A cold build: the shard cache starts empty (it is bench-out/cache, which the next build reuses).
const CACHE = join(WORK, "cache");
const buildEnv = { SEEDS_DIR: SEEDS, SITE_DIR: SITE, NO_SEARCH_INDEX: values["skip-search"] ? "1" : "0", SEARCH_CACHE_DIR: CACHE };
// Exactly what `npm run build` runs (its heap limit included), as this process's child.
const BUILD_COMMAND = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { build: string } }).scripts.build;
const runBuild = () => runMeasured(["-c", `exec ${BUILD_COMMAND}`], buildEnv, "sh");
const build = await runBuild();
if (build.code !== 0) {
  console.error(build.out.split("\n").slice(-30).join("\n"));
  throw new Error("the build failed");
}
const phase = (name: string) => Number(new RegExp(`${name} ([\\d.]+) s`).exec(build.out)?.[1] ?? NaN) * 1000;
const output = walk(SITE);
const search = (() => {
  try {
    return walk(join(SITE, "pagefind"));
  } catch {
    return { files: 0, bytes: 0 };
  }
})();
say(`build: total ${seconds(build.ms)} (ingest ${seconds(phase("ingest"))}, pages ${seconds(phase("pages"))}, search index ${seconds(phase("search"))} beside the pages (record pages ${seconds(phase("record pages"))}, Pagefind ${seconds(phase("Pagefind"))}), of which ${seconds(phase("waited"))} after them)`);
say(`memory: peak RSS ${mb(build.peakRss)} for the build process, ${mb(build.peakChildRss)} for the largest Pagefind process, ${mb(build.peakTreeRss)} for all together`);
const LIMIT = 2e9;
say(`  every process ≤ 2 GB: build process ${build.peakRss <= LIMIT ? "ok" : "OVER"}, Pagefind ${build.peakChildRss <= LIMIT ? "ok" : "OVER"}`);
say(`  per transcript: ${seconds(build.ms / input.files)} of build time, ${mb(build.peakRss / input.files)} of the build process's peak`);
const shardLine = /\((\d+) shards?, (\d+) indexed, (\d+) from the cache/.exec(build.out);
if (shardLine) say(`  search index: ${shardLine[1]} shards, ${shardLine[2]} indexed`);
say(`output: ${output.files} files, ${mb(output.bytes)}; search index ${search.files} files, ${mb(search.bytes)}`);

// ------------------------------------------------------------ the floor
if (!values["skip-floor"]) {
  const floorDir = join(WORK, "floor");
  const md = new MarkdownIt({ html: false });
  const t0 = performance.now();
  const names = readdirSync(SEEDS).sort();
  names.forEach((name, i) => {
    const html = md.render(readFileSync(join(SEEDS, name), "utf8"));
    const dir = join(floorDir, String(i));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${i}</title></head><body>${html}</body></html>`);
  });
  const renderMs = performance.now() - t0;
  const t1 = performance.now();
  const pf = await runMeasured(["--site", floorDir], {}, join(ROOT, "node_modules/.bin/pagefind"));
  if (pf.code !== 0) throw new Error(pf.out);
  const pagefindMs = performance.now() - t1;
  const floorMs = renderMs + pagefindMs;
  say(`floor: ${seconds(floorMs)} (markdown-it ${seconds(renderMs)}, Pagefind CLI ${seconds(pagefindMs)}, its peak RSS ${mb(pf.peakTreeRss)}); build/floor ${(build.ms / floorMs).toFixed(2)}×`);
  rmSync(floorDir, { recursive: true, force: true });
}

// ------------------------------------------------------------ page weight
{
  const long = readdirSync(join(SITE, "t")).map((slug) => join(SITE, "t", slug, "index.html")).reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const html = readFileSync(long);
  say(`largest page: ${mb(html.length)} HTML, ${(gzipSync(html).length / 1024).toFixed(0)} KB gzip`);
}

// ------------------------------------------------------------ a build after one edit
if (!values["skip-search"]) {
  const target = join(SEEDS, readdirSync(SEEDS).sort()[Math.floor(input.files / 3)]!);
  appendFileSync(target, "\n\nAn edited paragraph for the rebuild benchmark.\n\n为重建基准测试而编辑的段落。\n");
  const again = await runBuild();
  if (again.code !== 0) throw new Error(again.out.split("\n").slice(-30).join("\n"));
  const shards = /\((\d+) shards?, (\d+) indexed, (\d+) from the cache/.exec(again.out);
  say(`npm run build after one edit: ${seconds(again.ms)} = ${((100 * again.ms) / build.ms).toFixed(0)}% of the cold build; ${shards ? `${shards[2]} of ${shards[1]} shards indexed, ${shards[3]} from the cache` : "no shard line"}; peak RSS ${mb(again.peakRss)} / ${mb(again.peakChildRss)}`);
}

// ------------------------------------------------------------ npm start: one edit
if (!values["skip-serve"]) {
  const serveSite = join(WORK, "serve-site");
  const child = spawn(node, ["--import", "tsx", "scripts/serve.ts"], { cwd: ROOT, env: { ...process.env, SEEDS_DIR: SEEDS, SITE_DIR: serveSite, PORT: "8917", SEARCH_CACHE_DIR: CACHE } });
  let log = "";
  let exited: number | null | undefined;
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  child.on("exit", (code) => (exited = code));
  /** Waits until `re` matches the server's output after offset `from` (it fails if the server stops). */
  const waitFor = (re: RegExp, from: number) =>
    new Promise<RegExpExecArray>((done, fail) => {
      const deadline = Date.now() + 30 * 60_000;
      const poll = setInterval(() => {
        const m = re.exec(log.slice(from));
        const why = m ? undefined : exited !== undefined ? `npm start stopped (exit code ${exited})` : Date.now() > deadline ? `timed out waiting for ${re}` : undefined;
        if (!m && !why) return;
        clearInterval(poll);
        if (m) done(m);
        else fail(new Error(`${why}:\n${log.slice(-2000)}`));
      }, 100);
    });
  try {
    await waitFor(/Server at/, 0);
    if (!values["skip-search"]) await waitFor(/\[search\] index refreshed/, 0);
    const from = log.length;
    const target = join(SEEDS, readdirSync(SEEDS).sort()[Math.floor(input.files / 2)]);
    const edited = performance.now();
    appendFileSync(target, "\n\nAn edited paragraph for the incremental benchmark.\n");
    const wrote = await waitFor(/Wrote (\d+) files? (?:\(skipped (\d+)\) )?in ([\d.]+) seconds/, from);
    const pagesMs = performance.now() - edited;
    say(`npm start, one transcript edited: ${wrote[1]} pages written (${wrote[2] ?? 0} skipped) in ${seconds(pagesMs)} = ${((100 * pagesMs) / build.ms).toFixed(1)}% of the full build`);
    if (!values["skip-search"]) {
      const refreshed = await waitFor(/\[search\] index refreshed in ([\d.]+) s(.*)/, from);
      const searchMs = performance.now() - edited;
      say(`  then the search index, in the background: ready ${seconds(searchMs)} after the edit = ${((100 * searchMs) / build.ms).toFixed(1)}% of the full build (its run: ${refreshed[1]} s${refreshed[2]})`);
    }
  } finally {
    child.kill("SIGINT");
  }
}

if (!values.keep) rmSync(WORK, { recursive: true, force: true });
