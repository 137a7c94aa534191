// Locating and launching the system Chromium (Debian's `chromium` package).
// Playwright's own browser download is not available here, so playwright-core
// drives whatever Chromium this finds. See STACK-NOTES.md, "Browser tests".
import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where to look, in order. `CHROMIUM_PATH` (if set) wins. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const list: string[] = [];
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) list.push(fromEnv);
  list.push("/usr/bin/chromium", "/usr/bin/chromium-browser");
  return list;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of a usable Chromium executable, or undefined if none is installed. */
export function findChromium(): string | undefined {
  return chromiumCandidates().find(isExecutable);
}

/** Flags for a quiet, offline-friendly headless Chromium in a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium to use, or an error that says how to get one. */
export function requireChromium(): string {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "No Chromium found (looked at " +
        chromiumCandidates().join(", ") +
        "). Run `npx tsx scripts/ensure-chromium.ts` (as root it installs Debian's `chromium`), " +
        "or set CHROMIUM_PATH to a Chromium executable.",
    );
  }
  return executablePath;
}

/** Launch the system Chromium through playwright-core. Throws if none is found. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = requireChromium();
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}
