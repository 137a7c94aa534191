// Tests of the static server used by the browser tests (no browser needed).
import { request } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizePrefix, serveStatic, type StaticServer } from "./support/server.ts";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as given (fetch would normalise `..`). */
function raw(origin: string, path: string, method = "GET"): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

let tmp: string;
let root: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "serve-static-test-"));
  root = join(tmp, "site");
  await mkdir(join(root, "sub"), { recursive: true });
  await mkdir(join(root, "empty"), { recursive: true });
  await mkdir(join(root, "中文"), { recursive: true });
  await mkdir(join(root, "pagefind", "index"), { recursive: true });
  await writeFile(join(tmp, "secret.txt"), "TOP SECRET");
  await writeFile(join(root, "index.html"), "<!doctype html><title>home</title>HOME");
  await writeFile(join(root, "404.html"), "<!doctype html><title>nf</title>CUSTOM 404");
  await writeFile(join(root, "sub", "index.html"), "SUB INDEX");
  await writeFile(join(root, "中文", "index.html"), "ZH INDEX");
  await writeFile(join(root, "app.js"), "console.log(1)");
  await writeFile(join(root, "style.css"), "body{}");
  await writeFile(join(root, "data.json"), "{}");
  await writeFile(join(root, "feed.xml"), "<feed/>");
  await writeFile(join(root, "icon.svg"), "<svg/>");
  await writeFile(join(root, "img.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(root, "pagefind", "wasm.unknown.pagefind"), Buffer.from([0, 1, 2]));
  await writeFile(join(root, "pagefind", "pagefind.en_1.pf_meta"), Buffer.from([0, 1]));
  await writeFile(join(root, "pagefind", "index", "en_1.pf_index"), Buffer.from([0]));
  await writeFile(join(root, "pagefind", "x.pf_fragment"), Buffer.from([0]));
  await writeFile(join(root, "pagefind", "x.pf_filter"), Buffer.from([0]));
  await writeFile(join(root, "pagefind", "pagefind.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d]));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("normalizePrefix", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["archive", "/archive/"],
    ["/archive", "/archive/"],
    ["/archive/", "/archive/"],
    ["a/b/", "/a/b/"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePrefix(input)).toBe(expected);
  });
});

describe("serveStatic without a prefix", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 on a random port; url is origin + /", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(server.origin + "/");
  });

  it("serves index.html for the root and for directories", async () => {
    const home = await raw(server.origin, "/");
    expect(home.status).toBe(200);
    expect(home.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(home.body).toContain("HOME");
    expect((await raw(server.origin, "/sub/")).body).toBe("SUB INDEX");
    expect((await raw(server.origin, "/%E4%B8%AD%E6%96%87/")).body).toBe("ZH INDEX");
  });

  it("redirects a directory without its slash, keeping the query", async () => {
    const r = await raw(server.origin, "/sub?x=1");
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe("/sub/?x=1");
    const zh = await raw(server.origin, "/%E4%B8%AD%E6%96%87");
    expect(zh.status).toBe(301);
    expect(zh.headers.location).toBe("/%E4%B8%AD%E6%96%87/");
  });

  it("ignores the query string when finding the file", async () => {
    const r = await raw(server.origin, "/data.json?ts=123");
    expect(r.status).toBe(200);
    expect(r.body).toBe("{}");
  });

  it.each([
    ["/index.html", "text/html; charset=utf-8"],
    ["/app.js", "text/javascript; charset=utf-8"],
    ["/style.css", "text/css; charset=utf-8"],
    ["/data.json", "application/json; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/icon.svg", "image/svg+xml"],
    ["/img.png", "image/png"],
    ["/pagefind/pagefind.wasm", "application/wasm"],
    ["/pagefind/wasm.unknown.pagefind", "application/octet-stream"],
    ["/pagefind/pagefind.en_1.pf_meta", "application/octet-stream"],
    ["/pagefind/index/en_1.pf_index", "application/octet-stream"],
    ["/pagefind/x.pf_fragment", "application/octet-stream"],
    ["/pagefind/x.pf_filter", "application/octet-stream"],
  ])("serves %s as %s", async (path, type) => {
    const r = await raw(server.origin, path);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(type);
  });

  it("answers HEAD without a body", async () => {
    const r = await raw(server.origin, "/style.css", "HEAD");
    expect(r.status).toBe(200);
    expect(r.headers["content-length"]).toBe("6");
    expect(r.body).toBe("");
  });

  it("rejects other methods", async () => {
    expect((await raw(server.origin, "/", "POST")).status).toBe(405);
  });

  it("serves 404.html with status 404 for missing files", async () => {
    const r = await raw(server.origin, "/nope.html");
    expect(r.status).toBe(404);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.body).toContain("CUSTOM 404");
  });

  it("gives 404 for a directory without index.html", async () => {
    const r = await raw(server.origin, "/empty/");
    expect(r.status).toBe(404);
    expect(r.body).toContain("CUSTOM 404");
  });

  it.each([
    "/../secret.txt",
    "/sub/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/sub/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
  ])("rejects path traversal: %s", async (path) => {
    const r = await raw(server.origin, path);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain("TOP SECRET");
  });

  it("answers 400 for malformed percent-encoding and NUL bytes", async () => {
    expect((await raw(server.origin, "/%E4%B8")).status).toBe(400);
    expect((await raw(server.origin, "/index.html%00.png")).status).toBe(400);
  });

  it("records every request target", async () => {
    const before = server.requests.length;
    await raw(server.origin, "/style.css?v=2");
    await raw(server.origin, "/missing");
    expect(server.requests.slice(before)).toEqual(["/style.css?v=2", "/missing"]);
  });
});

describe("serveStatic with prefix /archive/", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root, { prefix: "/archive/" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("url is origin + prefix", () => {
    expect(server.url).toBe(server.origin + "/archive/");
  });

  it("serves files only under the prefix", async () => {
    expect((await raw(server.origin, "/archive/")).body).toContain("HOME");
    expect((await raw(server.origin, "/archive/sub/")).body).toBe("SUB INDEX");
    expect((await raw(server.origin, "/archive/pagefind/pagefind.wasm")).headers["content-type"]).toBe(
      "application/wasm",
    );
    for (const path of ["/", "/index.html", "/sub/", "/style.css", "/archiveX/index.html"]) {
      const r = await raw(server.origin, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toContain("CUSTOM 404");
    }
  });

  it("redirects the bare prefix and directories to their slash form", async () => {
    const bare = await raw(server.origin, "/archive");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/archive/");
    const sub = await raw(server.origin, "/archive/sub");
    expect(sub.status).toBe(301);
    expect(sub.headers.location).toBe("/archive/sub/");
  });

  it("rejects traversal out of the prefix", async () => {
    const r = await raw(server.origin, "/archive/../../secret.txt");
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain("TOP SECRET");
  });

  it("works through fetch as well", async () => {
    const r = await fetch(server.url + "data.json");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({});
  });
});

describe("serveStatic without a 404.html", () => {
  it("answers a plain-text 404", async () => {
    const bare = join(tmp, "bare");
    await mkdir(bare, { recursive: true });
    const server = await serveStatic(bare);
    try {
      const r = await raw(server.origin, "/missing");
      expect(r.status).toBe(404);
      expect(r.headers["content-type"]).toBe("text/plain; charset=utf-8");
    } finally {
      await server.close();
    }
  });
});
