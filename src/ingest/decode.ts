// Bytes → text. UTF-8 only: a file that is binary or in another encoding is an
// error naming the line where it goes wrong; the text is still decoded
// (with U+FFFD) so that every other problem in it can be listed too.
import type { ProblemList } from "./problems.ts";

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

/** UTF-16 without a byte-order mark: text whose every other byte is NUL (ASCII-heavy text in UTF-16LE/BE). */
function looksUtf16(probe: Uint8Array): boolean {
  if (probe.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) even++;
    if (probe[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(probe.length / 2);
  return (even > pairs * 0.6 && odd < pairs * 0.1) || (odd > pairs * 0.6 && even < pairs * 0.1);
}

export function decodeSource(bytes: Uint8Array, problems: ProblemList): string | undefined {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(probe);
    problems.error(lineAt(bytes, probe.indexOf(0)), utf16 ? "not-utf8" : "binary-file", utf16
      ? "the file is UTF-16; save it as UTF-8"
      : "the file looks binary (it holds NUL bytes); not a transcript");
    return undefined;
  }
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    problems.error(lineAt(bytes, at), "not-utf8", `the file is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8`);
    text = lenient.decode(bytes);
  }
  // A NUL further in: text with binary data in it. Reported; the rest is still read.
  const nul = bytes.indexOf(0, probe.length);
  if (nul >= 0) {
    problems.error(lineAt(bytes, nul), "binary-file", "the file holds a NUL byte (binary data in a text file?); shown as U+FFFD");
    text = text.replace(/\u0000/g, "\uFFFD");
  }
  return text;
}
