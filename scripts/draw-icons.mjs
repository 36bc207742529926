// Draws Carnet's icons, assets/icon-{16,32,64,80,128}.png and assets/icon.svg, with no dependencies.
//
// Design: a spiral-bound notebook ("carnet") whose deep-teal cover shows as a spine on the left and
// a thin frame round a white page; the page carries three rising bars, the tallest in amber, the one
// accent colour. At 16 px and 32 px the layout is placed by hand on whole pixels so every edge lands
// on a pixel boundary, and detail is dropped (16 px keeps only the binding's holes); from 64 px up
// the 32 px layout is scaled and gains round wire loops, rounded bars and ledger lines.
//
// The output is deterministic: shapes are sampled on a fixed 4x4 grid per pixel and the PNG is
// written with a fixed zlib level, so re-running the script reproduces the same bytes.
//
// Usage: node scripts/draw-icons.mjs [outDir]   (default: the repository's assets/)

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const PALETTE = {
  cover: "#0F6C5C", // deep teal: sits well beside Office's green, blue and red app icons
  coverDark: "#0A4D42", // spine shading and ring wire, only at large sizes
  page: "#FFFFFF",
  rule: "#D3E5E0", // ledger lines on the page, large sizes only
  bar: "#0F6C5C",
  accent: "#F2A93B", // amber: the growing bar
};

// ---------------------------------------------------------------------------------------------
// PNG encoding (RGBA 8-bit, no interlace)

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  // Filter type 0 (None) on every row: icons are tiny, and a fixed choice keeps output stable.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Shapes as signed distance functions (negative inside), in pixel coordinates, y pointing down.

function roundRect(x0, y0, x1, y1, r = 0) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = (x1 - x0) / 2;
  const hh = (y1 - y0) / 2;
  return (px, py) => {
    const qx = Math.abs(px - cx) - hw + r;
    const qy = Math.abs(py - cy) - hh + r;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx, cy, r) {
  return (px, py) => Math.hypot(px - cx, py - cy) - r;
}

/** A segment with round caps, `width` wide. */
function capsule(ax, ay, bx, by, width) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (px, py) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    return Math.hypot(px - ax - t * dx, py - ay - t * dy) - width / 2;
  };
}

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

// ---------------------------------------------------------------------------------------------
// Rasteriser: each pixel is sampled on a 4x4 grid; layers are composited per sample (so shapes
// that share an edge do not leak the background through it), then the samples are averaged in
// premultiplied space.

const GRID = 4;

function rasterise(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const prepared = layers.map((l) => ({ sdf: l.sdf, rgb: hexToRgb(l.color), alpha: l.alpha ?? 1 }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let sa = 0;
      for (let j = 0; j < GRID; j++) {
        for (let i = 0; i < GRID; i++) {
          const px = x + (i + 0.5) / GRID;
          const py = y + (j + 0.5) / GRID;
          let r = 0;
          let g = 0;
          let b = 0;
          let a = 0; // premultiplied
          for (const layer of prepared) {
            if (layer.sdf(px, py) > 0) continue;
            const la = layer.alpha;
            r = layer.rgb[0] * la + r * (1 - la);
            g = layer.rgb[1] * la + g * (1 - la);
            b = layer.rgb[2] * la + b * (1 - la);
            a = la + a * (1 - la);
          }
          sr += r;
          sg += g;
          sb += b;
          sa += a;
        }
      }
      const o = (y * size + x) * 4;
      if (sa === 0) continue;
      rgba[o] = Math.round(sr / sa);
      rgba[o + 1] = Math.round(sg / sa);
      rgba[o + 2] = Math.round(sb / sa);
      rgba[o + 3] = Math.round((sa / (GRID * GRID)) * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// The design. A layout gives the notebook's geometry at one size; `shapesOf` turns it into a list
// of plain shapes, painted in order, that both the rasteriser and the SVG writer consume, so the
// PNGs and icon.svg cannot drift apart.

/**
 * Geometry of the notebook at one size, in pixels; coordinates are pixel edges (0..size).
 * - cover: the whole notebook; page: the white sheet inset in it (the cover shows as a frame and,
 *   wider on the left, as the spine);
 * - bars: `width` wide, `gap` apart from `x0`, standing on `baseline` up to each of `tops`;
 * - rings: y centres of the spiral binding; each is a `hole` in the spine and, when `wire` > 0, a
 *   wire coming round the cover's left edge into it (round ends only where there are pixels to
 *   spare for them: square ends stay crisp at 32 px);
 * - rules: y of the ledger lines, `ruleWidth` thick (none below 64 px, where they would be noise).
 */
const SMALL_LAYOUTS = {
  16: {
    cover: [1, 0, 15, 16],
    coverRadius: 1.5,
    page: [4, 1, 14, 15],
    pageRadius: 0,
    bars: { x0: 5, width: 2, gap: 1, baseline: 13, tops: [9, 6, 3], radius: 0 },
    rings: { ys: [3.5, 6.5, 9.5, 12.5], hole: 1, wire: 0, round: false },
    rules: { ys: [], width: 0, inset: 0 },
  },
  32: {
    cover: [4, 1, 30, 31],
    coverRadius: 3,
    page: [10, 3, 28, 29],
    pageRadius: 1,
    bars: { x0: 12, width: 4, gap: 1, baseline: 26, tops: [19, 13, 7], radius: 0 },
    rings: { ys: [7, 12, 17, 22, 27], hole: 2, wire: 2, round: false },
    rules: { ys: [], width: 0, inset: 0 },
  },
};

/**
 * From 64 px up, and for the SVG: the 32 px design scaled by size/32 with the large-size detail.
 * With `snap`, edges are rounded to whole pixels (80 px is a 2.5x scale) and bars keep equal
 * widths and gaps.
 */
function detailedLayout(size, snap) {
  const k = size / 32;
  const base = SMALL_LAYOUTS[32];
  const s = snap ? (v) => Math.round(v * k) : (v) => v * k;
  const width = s(base.bars.width);
  const gap = s(base.bars.gap);
  const span = 3 * width + 2 * gap;
  const baseCentre = base.bars.x0 + (3 * base.bars.width + 2 * base.bars.gap) / 2;
  return {
    cover: base.cover.map(s),
    coverRadius: base.coverRadius * k,
    page: base.page.map(s),
    pageRadius: base.pageRadius * k,
    bars: {
      x0: snap ? Math.round(baseCentre * k - span / 2) : base.bars.x0 * k,
      width,
      gap,
      baseline: s(base.bars.baseline),
      tops: base.bars.tops.map(s),
      radius: 0.5 * k,
    },
    rings: {
      ys: base.rings.ys.map(s),
      hole: s(base.rings.hole),
      wire: s(base.rings.wire),
      round: true,
    },
    rules: {
      ys: [8, 13, 18, 23].map(s),
      width: snap ? Math.max(1, Math.round(0.5 * k)) : 0.5 * k,
      inset: s(1),
    },
  };
}

export function layoutFor(size) {
  return SMALL_LAYOUTS[size] ?? detailedLayout(size, true);
}

/**
 * The layout as shapes painted in order: { kind: "rect", x0, y0, x1, y1, r }, { kind: "circle",
 * cx, cy, r } or { kind: "capsule", ax, ay, bx, by, width }, each with a `color`.
 */
export function shapesOf(L) {
  const [cx0, cy0, cx1, cy1] = L.cover;
  const [px0, py0, px1, py1] = L.page;
  const rect = (x0, y0, x1, y1, r, color) => ({ kind: "rect", x0, y0, x1, y1, r, color });
  const shapes = [
    rect(cx0, cy0, cx1, cy1, L.coverRadius, PALETTE.cover),
    rect(px0, py0, px1, py1, L.pageRadius, PALETTE.page),
  ];
  for (const y of L.rules.ys) {
    shapes.push(
      rect(px0 + L.rules.inset, y, px1 - L.rules.inset, y + L.rules.width, 0, PALETTE.rule)
    );
  }
  const { x0, width, gap, baseline, tops, radius } = L.bars;
  tops.forEach((top, i) => {
    const left = x0 + i * (width + gap);
    // The last, tallest bar carries the accent: the growth the plan is after.
    const color = i === tops.length - 1 ? PALETTE.accent : PALETTE.bar;
    shapes.push(rect(left, top, left + width, baseline, radius, color));
  });
  const spineMid = (cx0 + px0) / 2;
  const { ys, hole, wire, round } = L.rings;
  for (const y of ys) {
    const h = hole / 2;
    if (wire > 0) {
      const color = PALETTE.coverDark;
      shapes.push(
        round
          ? { kind: "capsule", ax: cx0 - wire / 2, ay: y, bx: spineMid, by: y, width: wire, color }
          : rect(cx0 - wire, y - wire / 2, spineMid, y + wire / 2, 0, color)
      );
    }
    shapes.push(
      round
        ? { kind: "circle", cx: spineMid, cy: y, r: h, color: PALETTE.page }
        : rect(spineMid - h, y - h, spineMid + h, y + h, 0, PALETTE.page)
    );
  }
  return shapes;
}

function sdfOf(shape) {
  switch (shape.kind) {
    case "rect":
      return roundRect(shape.x0, shape.y0, shape.x1, shape.y1, shape.r);
    case "circle":
      return circle(shape.cx, shape.cy, shape.r);
    case "capsule":
      return capsule(shape.ax, shape.ay, shape.bx, shape.by, shape.width);
    default:
      throw new Error(`unknown shape ${shape.kind}`);
  }
}

/** Straight (not premultiplied) RGBA pixels of the icon at `size`, row by row. */
export function renderIcon(size) {
  const layers = shapesOf(layoutFor(size)).map((shape) => ({
    sdf: sdfOf(shape),
    color: shape.color,
  }));
  return rasterise(size, layers);
}

export function drawIcon(size) {
  return encodePng(size, size, renderIcon(size));
}

/** The design as SVG on a 32-unit grid, with the large-size detail (it is scaled up, not down). */
export function drawSvg() {
  const n = (v) => String(Math.round(v * 1000) / 1000);
  const body = shapesOf(detailedLayout(32, false)).map((shape) => {
    switch (shape.kind) {
      case "rect": {
        const rx = shape.r > 0 ? ` rx="${n(shape.r)}"` : "";
        const size = `width="${n(shape.x1 - shape.x0)}" height="${n(shape.y1 - shape.y0)}"`;
        const box = `x="${n(shape.x0)}" y="${n(shape.y0)}" ${size}`;
        return `  <rect ${box}${rx} fill="${shape.color}"/>`;
      }
      case "circle":
        return `  <circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${shape.color}"/>`;
      case "capsule": {
        const ends = `x1="${n(shape.ax)}" y1="${n(shape.ay)}" x2="${n(shape.bx)}" y2="${n(shape.by)}"`;
        const stroke = `stroke="${shape.color}" stroke-width="${n(shape.width)}" stroke-linecap="round"`;
        return `  <line ${ends} ${stroke}/>`;
      }
      default:
        throw new Error(`unknown shape ${shape.kind}`);
    }
  });
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"' +
      ' role="img" aria-label="Carnet">',
    "  <!-- Generated by scripts/draw-icons.mjs; edit the script, not this file. -->",
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

export const SIZES = [16, 32, 64, 80, 128];

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outDir = resolve(
    process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "assets")
  );
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
  const svgFile = join(outDir, "icon.svg");
  writeFileSync(svgFile, drawSvg());
  console.log(`wrote ${svgFile}`);
}
