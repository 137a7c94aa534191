// The small part of CBOR (RFC 8949) that Pagefind's index files use: unsigned
// and negative integers, byte and text strings, arrays, maps, booleans and
// null, definite lengths only. Encoding is canonical (shortest lengths).

export type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | Map<Cbor, Cbor>;

export function decodeCbor(bytes: Uint8Array, start = 0): { value: Cbor; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  const read = (): Cbor => {
    const initial = bytes[pos++];
    const major = initial >> 5;
    const info = initial & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = bytes[pos++];
    else if (info === 25) (n = view.getUint16(pos)), (pos += 2);
    else if (info === 26) (n = view.getUint32(pos)), (pos += 4);
    else if (info === 27) (n = Number(view.getBigUint64(pos))), (pos += 8);
    else throw new Error(`CBOR: unsupported length encoding ${info} at ${pos - 1}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.slice(pos, (pos += n));
      case 3:
        return new TextDecoder().decode(bytes.subarray(pos, (pos += n)));
      case 4:
        return Array.from({ length: n }, read);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < n; i++) map.set(read(), read());
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
    }
    throw new Error(`CBOR: unsupported item (major type ${major}) at ${pos - 1}`);
  };
  const value = read();
  return { value, end: pos };
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      const big = BigInt(n);
      out.push((major << 5) | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) out.push(Number((big >> shift) & 0xffn));
    }
  };
  const write = (v: Cbor) => {
    if (typeof v === "number") {
      if (!Number.isInteger(v)) throw new Error("CBOR: only integers are supported");
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === "string") {
      const b = new TextEncoder().encode(v);
      head(3, b.length);
      out.push(...b);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      for (const x of v) out.push(x);
    } else if (typeof v === "boolean") out.push(v ? 0xf5 : 0xf4);
    else if (v === null) out.push(0xf6);
    else if (Array.isArray(v)) {
      head(4, v.length);
      v.forEach(write);
    } else {
      head(5, v.size);
      for (const [k, x] of v) {
        write(k);
        write(x);
      }
    }
  };
  write(value);
  return Uint8Array.from(out);
}
