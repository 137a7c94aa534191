import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCbor, encodeCbor, type Cbor } from "../../src/search/cbor.ts";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("CBOR", () => {
  it("encodes canonically (RFC 8949 appendix A examples)", () => {
    expect(hex(encodeCbor(0))).toBe("00");
    expect(hex(encodeCbor(23))).toBe("17");
    expect(hex(encodeCbor(24))).toBe("1818");
    expect(hex(encodeCbor(1000))).toBe("1903e8");
    expect(hex(encodeCbor(1000000))).toBe("1a000f4240");
    expect(hex(encodeCbor(-10))).toBe("29");
    expect(hex(encodeCbor("IETF"))).toBe("6449455446");
    expect(hex(encodeCbor("水"))).toBe("63e6b0b4");
    expect(hex(encodeCbor([1, [2, 3], [4, 5]]))).toBe("8301820203820405");
    expect(hex(encodeCbor(new Map<Cbor, Cbor>([[1, 2], [3, 4]])))).toBe("a201020304");
    expect(hex(encodeCbor([true, false, null]))).toBe("83f5f4f6");
  });
  it("decodes what it encodes", () => {
    const value: fc.Arbitrary<Cbor> = fc.letrec<{ v: Cbor }>((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.integer({ min: -1e9, max: 4e9 }), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie("v"), { maxLength: 5 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeCbor(encodeCbor(v)).value).toEqual(v);
      }),
    );
  });
});
