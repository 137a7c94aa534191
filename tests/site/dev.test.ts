// src/site/dev.ts: what only `npm start` needs.
import { describe, expect, it } from "vitest";
import { scriptHashSource } from "../../src/site/dev.ts";

describe("the dev server's reload script under the CSP", () => {
  it("is allowed by its sha256, as a CSP hash source", () => {
    // The hash Chromium names for an inline script "abc".
    expect(scriptHashSource("abc")).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });
});
