// Make sure a system Chromium exists for the browser tests (run by `npm test`
// before vitest). Looks at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
// If none is found and we are root on a Debian-like system, installs Debian's
// `chromium` package with apt-get. It never downloads anything else (no
// `playwright install`, no puppeteer browser fetch).
import { spawnSync } from "node:child_process";
import { chromiumCandidates, findChromium } from "../tests/e2e/support/chromium.ts";

function hasAptGet(): boolean {
  const r = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
  return r.status === 0;
}

function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.error) console.error(`ensure-chromium: could not run ${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function main(): number {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv && findChromium() !== fromEnv) {
    console.warn(`ensure-chromium: CHROMIUM_PATH=${fromEnv} is not an executable file; ignoring it`);
  }
  let found = findChromium();
  if (found) {
    console.log(`ensure-chromium: using ${found}`);
    return 0;
  }

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && hasAptGet()) {
    console.log("ensure-chromium: no Chromium found; installing Debian's `chromium` package with apt-get");
    if (run("apt-get", ["update"])) {
      run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]);
    }
    found = findChromium();
    if (found) {
      console.log(`ensure-chromium: using ${found}`);
      return 0;
    }
  }

  console.error(
    [
      "ensure-chromium: no Chromium executable found for the browser tests.",
      `  Looked at: ${chromiumCandidates().join(", ")}`,
      isRoot
        ? "  apt-get is unavailable or the install failed."
        : "  Not root, so nothing was installed.",
      "  Fix: install Debian's package (`sudo apt-get install chromium`) or set CHROMIUM_PATH",
      "  to a Chromium/Chrome executable. Playwright's browser download is not used.",
    ].join("\n"),
  );
  return 1;
}

process.exitCode = main();
