// Ring positions and a hash ring with virtual nodes, computed exactly as examples/python/consistent_hash_ring.py
// does: a label's position is the first 8 bytes of its MD5 digest read big-endian, kept here as two unsigned
// 32-bit halves [high, low] because JavaScript numbers cannot hold 64 bits exactly. Integer operations only.
const K = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];
const SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const encoder = new TextEncoder();

// MD5 (RFC 1321): the digest's four little-endian words.
function md5(text) {
  const bytes = encoder.encode(text);
  const words = new Int32Array((((bytes.length + 8) >>> 6) + 1) * 16);
  bytes.forEach((byte, i) => { words[i >> 2] |= byte << ((i % 4) * 8); });
  words[bytes.length >> 2] |= 0x80 << ((bytes.length % 4) * 8);
  words[words.length - 2] = bytes.length * 8;
  const h = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let block = 0; block < words.length; block += 16) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i += 1) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + K[i] + words[block + g]) | 0;
      const s = SHIFT[round * 4 + (i % 4)];
      a = d; d = c; c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  }
  return h;
}

const swap = (x) => (((x & 0xff) << 24) | (((x >>> 8) & 0xff) << 16) | (((x >>> 16) & 0xff) << 8) | (x >>> 24)) >>> 0;

// `int.from_bytes(md5(label).digest()[:8], "big")` as [high 32 bits, low 32 bits].
export function ringPosition(label) {
  const h = md5(label);
  return [swap(h[0]), swap(h[1])];
}

// The 64-bit position modulo n, exactly: (high * 2^32 + low) mod n with every product below 2^53.
export function modulo([high, low], n) {
  return ((high % n) * (4294967296 % n) + (low % n)) % n;
}

const after = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

export class HashRing {
  constructor(vnodes) {
    this.vnodes = vnodes;
    this.points = []; // sorted {at: [high, low], node}
  }

  add(node) {
    for (let i = 0; i < this.vnodes; i += 1) this.points.push({ at: ringPosition(`${node}#vn${i}`), node });
    this.points.sort((p, q) => (after(p.at, q.at) ? 1 : after(q.at, p.at) ? -1 : 0));
  }

  remove(node) {
    this.points = this.points.filter((p) => p.node !== node);
  }

  // The first virtual node clockwise from the position, wrapping past the top; null on an empty ring.
  nodeFor(position) {
    const points = this.points;
    if (!points.length) return null;
    let low = 0;
    let high = points.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (after(points[mid].at, position)) high = mid;
      else low = mid + 1;
    }
    return points[low % points.length].node;
  }
}
