// Converts the world map of the npm package @svg-maps/world 2.0.0 (CC BY 4.0, based on MapSVG's world map)
// into the compact resource the stats module draws from: one line per shape, "<id>\t<path>", where <id> is the
// upper-case ISO 3166-1 alpha-2 code (or "-" for shapes that have none, such as the US minor islands).
//
// Run once, from the repository root, after `npm pack @svg-maps/world@2.0.0 && tar xzf svg-maps-world-2.0.0.tgz`
// in some scratch directory:
//   node tools/world-map/convert.mjs /path/to/package > src/main/resources/org/keephope/stats/world-map.tsv
//
// Points are rounded to 0.1 of the 1010 × 666 view box and written as relative steps; points closer than
// MIN_STEP to the last kept point are dropped (a small island keeps all its points, so every country keeps a
// shape): about a quarter of the original size, with no visible difference at the sizes we draw. Only node's standard library is used.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MIN_STEP = 0.8;
const dir = process.argv[2];
if (!dir) {
  console.error("usage: node convert.mjs <unpacked @svg-maps/world package directory>");
  process.exit(2);
}
const source = readFileSync(join(dir, "index.js"), "utf8").replace(/^export default\s*/, "").replace(/;\s*$/, "");
const world = JSON.parse(source);
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
if (world.viewBox !== "0 0 1010 666") {
  throw new Error("unexpected view box " + world.viewBox);
}

const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)).replace(/^(-?)0\./, "$1.");

function simplify(path) {
  const tokens = path.match(/[mMlLzZ]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g);
  const rings = [];
  let ring = null;
  let x = 0, y = 0, startX = 0, startY = 0, cmd = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (/^[mMlLzZ]$/.test(t)) {
      cmd = t;
      i++;
      if (cmd === "z" || cmd === "Z") {
        if (ring) rings.push(ring);
        ring = null;
        x = startX; y = startY;
        continue;
      }
      if (cmd === "m" || cmd === "M") {
        if (ring) rings.push(ring);
        const nx = parseFloat(tokens[i]), ny = parseFloat(tokens[i + 1]);
        i += 2;
        if (cmd === "m") { x += nx; y += ny; } else { x = nx; y = ny; }
        startX = x; startY = y;
        ring = [[x, y]];
        cmd = cmd === "m" ? "l" : "L"; // further pairs after a moveto are linetos
      }
      continue;
    }
    const nx = parseFloat(tokens[i]), ny = parseFloat(tokens[i + 1]);
    i += 2;
    if (cmd === "l" || cmd === "m") { x += nx; y += ny; } else { x = nx; y = ny; }
    ring.push([x, y]);
  }
  if (ring) rings.push(ring);
  let out = "";
  for (const r of rings) {
    let kept = [r[0]];
    for (let k = 1; k < r.length; k++) {
      const [px, py] = kept[kept.length - 1];
      if (Math.hypot(r[k][0] - px, r[k][1] - py) >= MIN_STEP) {
        kept.push(r[k]);
      }
    }
    if (kept.length < 3) kept = r; // a small island keeps all its points, so that every country has a shape
    // relative steps between rounded absolute points: no rounding error adds up along the ring
    const pts = kept.map(([px, py]) => [Math.round(px * 10), Math.round(py * 10)]);
    let d = "M" + fmt(pts[0][0] / 10) + " " + fmt(pts[0][1] / 10) + "l";
    let steps = [];
    for (let k = 1; k < pts.length; k++) {
      const dx = pts[k][0] - pts[k - 1][0], dy = pts[k][1] - pts[k - 1][1];
      if (dx !== 0 || dy !== 0) steps.push(fmt(dx / 10) + " " + fmt(dy / 10));
    }
    if (steps.length < 2) continue; // nothing left to draw but a point
    out += d + steps.join(" ") + "z";
  }
  if (!out && rings.length) {
    // smaller than a tenth of the view box (the Vatican): a dot, so that the country still has a shape
    const [px, py] = rings[0][0];
    out = "M" + fmt(Math.round(px * 10) / 10) + " " + fmt(Math.round(py * 10) / 10 - 0.6) + "l.6 .6 -.6 .6 -.6 -.6z";
  }
  return out;
}

console.log(`# ${pkg.name} ${pkg.version} (${pkg.license}), ${world.label}, view box ${world.viewBox}; converted by tools/world-map/convert.mjs`);
console.log("# Based on the world map of MapSVG (https://mapsvg.com/maps/world), CC BY 4.0: https://creativecommons.org/licenses/by/4.0/");
// Shapes whose two letters are no ISO 3166-1 code (Glorioso and Juan de Nova islands; Kosovo's XK is only
// user-assigned, and the sign form, which offers Java's ISO list, does not offer it) are drawn as land without one.
const NOT_ISO = new Set(["GO", "JU", "XK"]);
for (const location of world.locations) {
  const code = location.id.toUpperCase();
  const id = /^[A-Z]{2}$/.test(code) && !NOT_ISO.has(code) ? code : "-";
  const d = simplify(location.path);
  if (d) console.log(id + "\t" + location.name + "\t" + d);
}
