import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { folderBytes, PAGES_SITE_LIMIT_BYTES, pagesLimitWarning } from "../../src/site/site-size.ts";

describe("folderBytes", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("adds the files of every nested folder", () => {
    dir = mkdtempSync(join(tmpdir(), "site-size-"));
    mkdirSync(join(dir, "t", "a"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "x".repeat(100));
    writeFileSync(join(dir, "t", "a", "index.html"), "y".repeat(250));
    writeFileSync(join(dir, "t", "feed.xml"), "z".repeat(7));
    expect(folderBytes(dir)).toBe(357);
  });
});

describe("pagesLimitWarning", () => {
  it("says nothing at or under GitHub Pages' 1 GB", () => {
    expect(PAGES_SITE_LIMIT_BYTES).toBe(1e9);
    expect(pagesLimitWarning(343e6)).toBeNull();
    expect(pagesLimitWarning(1e9)).toBeNull();
  });

  it("names the size and the limit over it", () => {
    const warning = pagesLimitWarning(1.356e9);
    expect(warning).toMatch(/^warning: the site is 1\.36 GB; GitHub Pages publishes sites of at most 1\.00 GB/);
  });

  it("takes another limit", () => {
    expect(pagesLimitWarning(1.5e9, 2e9)).toBeNull();
    expect(pagesLimitWarning(2.5e9, 2e9)).toMatch(/the site is 2\.50 GB; .* at most 2\.00 GB/);
  });
});
