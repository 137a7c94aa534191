// What a build that died (kill -9, a power cut) leaves behind, found and removed by the next one:
// its staging folder beside the site (`_site.building-<pid>`), the old site it was moving aside
// (`_site.old-<pid>`), and its search records in the temporary folder (`search-records-<pid>-…`).
// Each is named for its build's process; only those of processes that are gone are removed.
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { RECORDS_PREFIX } from "../search/record-pages.ts";

/** Is a process still running? (A process of another user counts as running.) */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The folders of builds that are gone, beside `site` and in the temporary folder; removed, and returned. */
export function removeLeftovers(site: string, tmp = tmpdir()): string[] {
  const removed: string[] = [];
  // `pidOf` gives the process named in a folder's name, when the folder is a build's.
  const sweep = (dir: string, pidOf: (name: string) => string | undefined) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(pidOf(name));
      if (!pid || pid === process.pid || isAlive(pid)) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  };
  // The site's own name before the suffix (`s`: a name holding a line break is still a name).
  const siteName = basename(site);
  sweep(dirname(site), (name) => {
    const m = /^(.*)\.(?:building|old)-(\d+)$/s.exec(name);
    return m?.[1] === siteName ? m[2] : undefined;
  });
  const records = new RegExp(`^${RECORDS_PREFIX}(\\d+)-`);
  sweep(tmp, (name) => records.exec(name)?.[1]);
  return removed;
}
