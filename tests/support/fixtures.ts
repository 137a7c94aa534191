// Reading fixtures and seeds for tests, and flattening a transcript for assertions.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ingest } from "../../src/ingest/ingest.ts";
import type { Pair, Transcript } from "../../src/model.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SEEDS = `${ROOT}seeds`;
export const ENCODINGS = `${ROOT}tests/fixtures/encodings`;

export function readFixture(name: string): string {
  return readFileSync(`${ENCODINGS}/${name}`, "utf8");
}

export function ingestFixture(name: string): Transcript {
  return ingest(name, readFixture(name));
}

export function ingestSeed(name: string): Transcript {
  return ingest(name, readFileSync(`${SEEDS}/${name}`, "utf8"));
}

export function pairsOf(t: Transcript): Pair[] {
  return t.sections.flatMap((s) => s.pairs);
}

export function codes(t: Transcript): string[] {
  return t.problems.map((p) => `${p.line}:${p.severity}:${p.code}`);
}
