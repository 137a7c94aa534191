// Page helpers for the browser tests: a fresh context per page that records
// console errors, uncaught page errors and every request URL.
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";

export const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../screenshots");

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark" | "no-preference";
  /** Abort requests that leave 127.0.0.1/localhost (they are still recorded). Default true. */
  blockExternal?: boolean;
  /** Passed to `page.goto`. Default `"load"`. */
  waitUntil?: "load" | "domcontentloaded" | "networkidle" | "commit";
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Response of the first navigation (null for e.g. same-document navigations). */
  response: Response | null;
  /** `console.error` messages and uncaught page errors (prefixed `pageerror:`). */
  consoleErrors: string[];
  /** Every request URL the page made, in order (including blocked external ones). */
  requests: string[];
  /** Requests that failed (`url — reason`), including blocked external ones. */
  failedRequests: string[];
  /** Responses with status >= 400 (`status url`). */
  badResponses: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

export async function openPage(browser: Browser, url: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    colorScheme: opts.colorScheme ?? "light",
  });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const failedRequests: string[] = [];
  const badResponses: string[] = [];

  if (opts.blockExternal ?? true) {
    await context.route(
      (u) => !isLocal(u.href),
      (route) => route.abort("blockedbyclient"),
    );
  }

  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(`pageerror: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  page.on("response", (res) => {
    if (res.status() >= 400) badResponses.push(`${res.status()} ${res.url()}`);
  });
  page.on("requestfailed", (req) => failedRequests.push(`${req.url()} — ${req.failure()?.errorText ?? "failed"}`));

  let response: Response | null;
  try {
    response = await page.goto(url, { waitUntil: opts.waitUntil ?? "load" });
  } catch (err) {
    await context.close();
    throw err;
  }
  return {
    context,
    page,
    response,
    consoleErrors,
    requests,
    failedRequests,
    badResponses,
    close: () => context.close(),
  };
}

/**
 * With SCREENSHOTS=1, saves a PNG to tests/e2e/screenshots/<name>.png (gitignored), for a person
 * to look at; returns the path. Without it, nothing (a screenshot checks nothing, and a test run
 * is faster without them).
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  const safe = name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "screenshot";
  const path = resolve(SCREENSHOT_DIR, `${safe}.png`);
  if (process.env.SCREENSHOTS !== "1") return path;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}
