/**
 * SHA-1 in plain TypeScript, for name-based (v5) GUIDs only (shared/ cannot use node:crypto and
 * WebCrypto is asynchronous). Not for security.
 */
export function sha1(data: Uint8Array): Uint8Array {
  const len = data.length;
  const words = ((len + 8) >> 6) + 1;
  const w = new Uint32Array(words * 16);
  for (let i = 0; i < len; i++) w[i >> 2]! |= data[i]! << (24 - (i & 3) * 8);
  w[len >> 2]! |= 0x80 << (24 - (len & 3) * 8);
  w[words * 16 - 1] = (len * 8) >>> 0;
  w[words * 16 - 2] = Math.floor(len / 0x20000000);
  let h0 = 0x67452301,
    h1 = 0xefcdab89,
    h2 = 0x98badcfe,
    h3 = 0x10325476,
    h4 = 0xc3d2e1f0;
  const m = new Uint32Array(80);
  for (let b = 0; b < w.length; b += 16) {
    for (let t = 0; t < 16; t++) m[t] = w[b + t]!;
    for (let t = 16; t < 80; t++) {
      const x = m[t - 3]! ^ m[t - 8]! ^ m[t - 14]! ^ m[t - 16]!;
      m[t] = (x << 1) | (x >>> 31);
    }
    let a = h0,
      bb = h1,
      c = h2,
      d = h3,
      e = h4;
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? ((bb & c) | (~bb & d)) + 0x5a827999
          : t < 40
            ? (bb ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((bb & c) | (bb & d) | (c & d)) + 0x8f1bbcdc
              : (bb ^ c ^ d) + 0xca62c1d6;
      const tmp = (((a << 5) | (a >>> 27)) + f + e + m[t]!) >>> 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + bb) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24;
    out[i * 4 + 1] = (h >>> 16) & 0xff;
    out[i * 4 + 2] = (h >>> 8) & 0xff;
    out[i * 4 + 3] = h & 0xff;
  });
  return out;
}
