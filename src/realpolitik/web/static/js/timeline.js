// A dyad's timeline as an SVG chart: cooperation stacked above the axis (quad classes 1-2),
// conflict below (3-4), one column per period, dashed markers where the relation shifted.

import { svg } from "./dom.js";
import { QUAD_COLOURS, QUAD_NAMES } from "./format.js";

const SIZE = { width: 900, height: 320, left: 46, right: 24, top: 18, bottom: 46 };

function counts(period, direction) {
  return period[direction] || {};
}

function scale(periods, direction) {
  const highs = periods.map((p) => (counts(p, direction).q1 || 0) + (counts(p, direction).q2 || 0));
  const lows = periods.map((p) => (counts(p, direction).q3 || 0) + (counts(p, direction).q4 || 0));
  return Math.max(1, ...highs, ...lows);
}

function axis(y0, max, plotH) {
  const half = plotH / 2;
  const ticks = [max, Math.round(max / 2), 0, Math.round(max / 2), max];
  return ticks.map((value, i) => {
    const y = y0 - half + (i * half) / 2;
    return svg("g", { class: "tick" },
      svg("line", { x1: SIZE.left - 4, x2: SIZE.width - SIZE.right, y1: y, y2: y, stroke: i === 2 ? "#424242" : "#e0e0e0" }),
      svg("text", { x: SIZE.left - 8, y: y + 4, "text-anchor": "end", "font-size": 11 }, i < 2 ? `+${value}` : i > 2 ? `−${value}` : "0"));
  });
}

function column(period, index, x, width, y0, unit, direction, onSelect) {
  const c = counts(period, direction);
  const group = svg("g", { class: "period", "data-period": period.period, tabindex: 0 });
  let up = y0;
  for (const quad of [1, 2]) {
    const height = (c[`q${quad}`] || 0) * unit;
    if (height) group.append(svg("rect", { x, y: up - height, width, height, fill: QUAD_COLOURS[quad], class: `bar q${quad}` }, svg("title", {}, `${period.period}: ${c[`q${quad}`]} ${QUAD_NAMES[quad]}`)));
    up -= height;
  }
  let down = y0;
  for (const quad of [3, 4]) {
    const height = (c[`q${quad}`] || 0) * unit;
    if (height) group.append(svg("rect", { x, y: down, width, height, fill: QUAD_COLOURS[quad], class: `bar q${quad}` }, svg("title", {}, `${period.period}: ${c[`q${quad}`]} ${QUAD_NAMES[quad]}`)));
    down += height;
  }
  group.prepend(svg("rect", { x: x - 1, y: SIZE.top, width: width + 2, height: SIZE.height - SIZE.top - SIZE.bottom, fill: "transparent", class: "hit" }));
  group.addEventListener("click", () => onSelect(period, index));
  return group;
}

/** "2019-04-01" -> "2019-04" (month), "2019 Q2" (quarter), "2019" (year), the date (week). */
export function periodLabel(period, freq) {
  if (freq === "month") return period.slice(0, 7);
  if (freq === "year") return period.slice(0, 4);
  if (freq === "quarter") return `${period.slice(0, 4)} Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
  return period;
}

function label(period, x, width, every, freq) {
  return svg("text", { x: x + width / 2, y: SIZE.height - SIZE.bottom + 16, "text-anchor": "middle", "font-size": 11 }, every ? periodLabel(period.period, freq) : "");
}

/** The balance, (cooperation - conflict) / events in -1..1 (right axis), broken at empty periods. */
function balanceLine(periods, xOf, y0, half) {
  const yOf = (balance) => y0 - balance * half;
  const runs = [[]];
  for (const period of periods) {
    if (period.balance === null || period.balance === undefined) {
      if (runs.at(-1).length) runs.push([]);
    } else {
      runs.at(-1).push([xOf(period.period), yOf(period.balance)]);
    }
  }
  const right = SIZE.width - SIZE.right;
  return svg("g", { class: "balance" },
    [1, -1].map((v) => svg("text", { x: right + 2, y: yOf(v) + 4, "font-size": 10, fill: "#37474f" }, v > 0 ? "+1" : "−1")),
    runs.filter((run) => run.length > 1).map((run) =>
      svg("polyline", { points: run.map((p) => p.join(",")).join(" "), fill: "none", stroke: "#37474f", "stroke-width": 1.5, "stroke-opacity": 0.7 })),
    runs.flat().map(([x, y]) => svg("circle", { cx: x, cy: y, r: 2.5, fill: "#37474f" })));
}

function shiftMarker(shift, xOf) {
  const x = xOf(shift.period);
  if (x === null) return null;
  const up = (shift.delta || 0) >= 0;
  return svg("g", { class: "shift-marker", "data-period": shift.period },
    svg("line", { x1: x, x2: x, y1: SIZE.top - 6, y2: SIZE.height - SIZE.bottom, stroke: up ? "#2e7d32" : "#c62828", "stroke-dasharray": "5 4", "stroke-width": 2 }),
    svg("text", { x: x + 4, y: SIZE.top + 4, "font-size": 11, fill: up ? "#2e7d32" : "#c62828" }, `shift ${up ? "▲" : "▼"} ${Number(shift.delta || 0).toFixed(1)}`),
    svg("title", {}, `Shift in ${shift.period}: ${Number(shift.before ?? 0).toFixed(2)} → ${Number(shift.after ?? 0).toFixed(2)}`));
}

/** The chart for `series.periods` in one direction ("undirected", "a_to_b", "b_to_a"). */
export function timelineChart(series, shifts, direction, onSelect) {
  const periods = series.periods || [];
  const plotW = SIZE.width - SIZE.left - SIZE.right;
  const plotH = SIZE.height - SIZE.top - SIZE.bottom;
  const y0 = SIZE.top + plotH / 2;
  const max = scale(periods, direction);
  const unit = plotH / 2 / max;
  const step = plotW / Math.max(1, periods.length);
  const width = Math.max(2, Math.min(40, step * 0.7));
  const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
  const xs = new Map(periods.map((p, i) => [p.period, SIZE.left + i * step + (step - width) / 2]));
  const xOf = (period) => (xs.has(period) ? xs.get(period) + width / 2 : null);
  const chart = svg("svg", { viewBox: `0 0 ${SIZE.width} ${SIZE.height}`, class: "timeline", role: "img", "aria-label": `Timeline of ${series.a} and ${series.b}` },
    axis(y0, max, plotH),
    svg("text", { x: SIZE.left, y: 12, "font-size": 11, fill: "#2e7d32" }, "cooperation ↑"),
    svg("text", { x: SIZE.left, y: SIZE.height - 6, "font-size": 11, fill: "#c62828" }, "conflict ↓"),
    periods.map((p, i) => column(p, i, xs.get(p.period), width, y0, unit, direction, onSelect)),
    periods.map((p, i) => label(p, xs.get(p.period), width, i % labelEvery === 0, series.freq)),
    balanceLine(periods, xOf, y0, plotH / 2),
    (shifts || []).map((s) => shiftMarker(s, xOf)));
  return chart;
}
