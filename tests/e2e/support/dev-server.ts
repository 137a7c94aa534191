// `npm start` for a test: the server over a copy of the seeds on a free port, its output kept,
// and what a test waits for. Its process group is ended by `stop()`.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, SEEDS_DIR } from "./site.ts";

export interface DevServer {
  /** `http://127.0.0.1:<port>/` */
  base: string;
  /** The copy of the seeds it serves (a test edits these). */
  seeds: string;
  /** Everything it printed so far. */
  output(): string;
  /** Waits until `probe` gives a value (it is tried every half second; a throw counts as not yet). */
  until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** Starts `npm start` (scripts/serve.ts) over a copy of seeds/, with these settings. */
export async function startDevServer(extraEnv: Record<string, string> = {}): Promise<DevServer> {
  const work = await mkdtemp(join(tmpdir(), "transcripts-serve-"));
  const seeds = join(work, "seeds");
  await mkdir(seeds, { recursive: true });
  for (const name of await readdir(SEEDS_DIR)) if (/\.(md|txt)$/i.test(name)) await copyFile(join(SEEDS_DIR, name), join(seeds, name));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SEEDS_DIR: seeds, SITE_DIR: join(work, "site"), PORT: String(port), SEARCH_CACHE_DIR: "off", ...extraEnv };
  for (const key of ["VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_OPTIONS"]) delete env[key];
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/serve.ts"], { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
  return {
    base: `http://127.0.0.1:${port}/`,
    seeds,
    output: () => output,
    async until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe().catch(() => undefined);
        if (value !== undefined) return value;
        if (Date.now() > end) throw new Error(`npm start: timed out waiting for ${what}\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    async stop() {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
      await rm(work, { recursive: true, force: true });
    },
  };
}
