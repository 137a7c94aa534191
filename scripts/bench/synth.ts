// Write a deterministic synthetic archive (see src/synthetic.ts).
//
//   tsx scripts/synth.ts --count 1000 --out /tmp/archive [--seed 1] [--avg-bytes 150000]
//                        [--seeds seeds/] [--clean]
//
// --clean first deletes files in --out that look like earlier output (NNNN_<16 hex>.txt|md),
// so a smaller run does not leave stale files behind. Nothing else is ever deleted.

import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { iterateArchive, type SeedText } from "./synthetic.ts";

const USAGE =
  "usage: tsx scripts/synth.ts --count N --out DIR [--seed 1] [--avg-bytes 150000] [--seeds seeds/] [--clean]";

function fail(msg: string): never {
  console.error(`synth: ${msg}\n${USAGE}`);
  process.exit(2);
}

function intOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      count: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      "avg-bytes": { type: "string" },
      seeds: { type: "string" },
      clean: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  fail((e as Error).message);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.count === undefined) fail("--count is required");
if (values.out === undefined) fail("--out is required");

const count = intOption(values.count, "count", 0, 0);
const seed = intOption(values.seed, "seed", 1, 0);
const avgBytes = intOption(values["avg-bytes"], "avg-bytes", 150_000, 1);
const seedsDir = resolve(values.seeds ?? "seeds");
const outDir = resolve(values.out);

let seedTexts: SeedText[];
try {
  seedTexts = readdirSync(seedsDir)
    .filter((n) => /\.(md|txt)$/i.test(n) && statSync(join(seedsDir, n)).isFile())
    .sort()
    .map((n) => ({ name: n, text: readFileSync(join(seedsDir, n), "utf8") }));
} catch (e) {
  fail(`cannot read seeds from ${seedsDir}: ${(e as Error).message}`);
}
if (seedTexts.length === 0) console.warn(`synth: no .md/.txt seeds in ${seedsDir}; using the built-in fallback text`);

mkdirSync(outDir, { recursive: true });
if (values.clean) {
  for (const n of readdirSync(outDir)) {
    if (/^\d{4,}_[0-9a-f]{16}\.(txt|md)$/.test(n)) rmSync(join(outDir, n));
  }
}

const t0 = performance.now();
let files = 0;
let bytes = 0;
for (const item of iterateArchive({ count, seedTexts, rng: seed, avgBytes })) {
  writeFileSync(join(outDir, item.name), item.text);
  files++;
  bytes += item.bytes;
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `synth: ${files} files, ${bytes} bytes (${(bytes / 1e6).toFixed(1)} MB, avg ${Math.round(bytes / Math.max(1, files))} B) ` +
    `in ${secs.toFixed(2)} s → ${outDir} (seed ${seed}, ${seedTexts.length} seed files)`,
);
