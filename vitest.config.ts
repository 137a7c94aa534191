import { defineConfig } from "vitest/config";

// Two projects: the library tests (no browser), and the end-to-end tests, which build the site
// once (globalSetup) and drive Debian's Chromium.
export default defineConfig({
  test: {
    // Three files at a time, also on two cores (vitest's default there is one): most of a test
    // file's time is spent waiting on a build or on Chromium, not on its own thread.
    maxWorkers: 4,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
