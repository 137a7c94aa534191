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
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || pid === process.pid || isAlive(pid)) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  };
  const escaped = basename(site).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  sweep(dirname(site), new RegExp(`^${escaped}\\.(?:building|old)-(\\d+)$`));
  sweep(tmp, new RegExp(`^${RECORDS_PREFIX}(\\d+)-`));
  return removed;
}
