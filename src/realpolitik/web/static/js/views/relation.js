// Relationship view: a dyad's timeline (cooperation vs conflict per quad class), shifts, evidence.

import { getJSON } from "../api.js";
import { h, notice, replace } from "../dom.js";
import { eventCards } from "../eventlist.js";
import { QUAD_COLOURS, QUAD_NAMES } from "../format.js";
import { periodLabel, timelineChart } from "../timeline.js";

const DIRECTIONS = { undirected: "both directions", a_to_b: "A → B", b_to_a: "B → A" };

function actorPicker(name, value) {
  return h("input", { name, value: value || "", list: "actor-list", required: true, placeholder: "e.g. IRN", size: 10, pattern: "[A-Za-z0-9_.:\\-]{1,64}" });
}

async function actorOptions(list) {
  const actors = await getJSON("/actors", { q: "", limit: 200 }).catch(() => []);
  const keys = new Map();
  for (const actor of actors) {
    const key = actor.country && actor.country.length === 3 && actor.country !== "IGO" && !["REB", "OPP", "INS"].includes(actor.sector) ? actor.country : actor.code;
    if (!keys.has(key)) keys.set(key, actor.name || actor.code);
  }
  replace(list, [...keys].map(([key, name]) => h("option", { value: key }, name)));
}

function form(a, b, freq, history) {
  const select = h("select", { name: "freq" }, ["week", "month", "quarter", "year"].map((f) => h("option", { value: f, selected: f === freq }, f)));
  const node = h("form", { class: "filters", id: "relation-form" },
    h("label", {}, "Actor A ", actorPicker("a", a)),
    h("label", {}, "Actor B ", actorPicker("b", b)),
    h("label", {}, "Period ", select),
    h("label", { title: "Events dated 10 or more years before the document reporting them" }, h("input", { type: "checkbox", name: "history", checked: history }), " history"),
    h("button", { type: "submit" }, "Show"),
    h("datalist", { id: "actor-list" }));
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(node);
    const path = `#/relation/${encodeURIComponent(data.get("a").trim().toUpperCase())}/${encodeURIComponent(data.get("b").trim().toUpperCase())}`;
    window.location.hash = `${path}?freq=${data.get("freq")}${data.get("history") ? "&history=true" : ""}`;
  });
  actorOptions(node.querySelector("datalist"));
  return node;
}

function quadLegend() {
  return h("p", { class: "legend" },
    [1, 2, 3, 4].map((q) => h("span", { class: "quad-key" }, h("span", { class: "swatch", style: `background:${QUAD_COLOURS[q]}` }), QUAD_NAMES[q], " ")),
    h("span", { class: "quad-key" }, h("span", { class: "swatch", style: "background:#37474f" }), "balance (cooperation − conflict) / events, right axis"),
    h("span", { class: "quad-key muted" }, "dashed lines: shifts · click a period for its evidence"));
}

function totals(series) {
  const sum = (direction, key) => series.periods.reduce((acc, p) => acc + ((p[direction] || {})[key] || 0), 0);
  const coop = sum("undirected", "q1") + sum("undirected", "q2");
  const conflict = sum("undirected", "q3") + sum("undirected", "q4");
  return `${series.periods.length} periods · ${coop} cooperative and ${conflict} conflictual events · ${series.a}→${series.b}: ${sum("a_to_b", "events")} · ${series.b}→${series.a}: ${sum("b_to_a", "events")}`;
}

function shiftList(shifts, onPick) {
  if (!shifts.length) return notice("No shifts detected for this pair.");
  return h("ul", { class: "shifts" }, shifts.map((s) =>
    h("li", {}, h("button", { type: "button", class: "link", onclick: () => onPick(s) }, `${s.period.slice(0, 10)}: ${Number(s.before ?? 0).toFixed(2)} → ${Number(s.after ?? 0).toFixed(2)} (Δ ${Number(s.delta ?? 0).toFixed(2)})`))));
}

export async function renderRelation(target, args, params, current) {
  const [a, b] = args;
  const freq = params.get("freq") || "month";
  const history = params.get("history") === "true";
  const header = h("div", { class: "toolbar" }, h("h2", {}, "Relationship"), form(a, b, freq, history));
  if (!a || !b) {
    replace(target, h("section", { class: "view-relation" }, header, notice("Pick two actors (analysis keys such as IRN, RUS, LBNREB).")));
    return;
  }
  const [series, shifts] = await Promise.all([
    getJSON(`/relations/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { freq, history: history || null }),
    getJSON("/shifts", { a, b, freq, min_events: 1 }).catch(() => []),
  ]);
  if (!current()) return;
  const evidence = h("section", { id: "evidence", class: "panel" });
  const chartBox = h("div", { id: "timeline-box", class: "chart" });
  let direction = "undirected";
  const showPeriod = (period) => {
    for (const node of chartBox.querySelectorAll(".period")) node.classList.toggle("selected", node.dataset.period === period.period);
    replace(evidence, h("h3", {}, `Evidence, ${periodLabel(period.period, series.freq)}`), period.evidence?.length ? eventCards(period.evidence) : notice("No events in this period."));
  };
  const showShift = (shift) => replace(evidence, h("h3", {}, `Shift in ${shift.period}`), eventCards(shift.evidence || []));
  const draw = () => replace(chartBox, timelineChart(series, shifts, direction, showPeriod));
  const toggles = h("div", { class: "directions" }, Object.entries(DIRECTIONS).map(([key, text]) => {
    const button = h("button", { type: "button", class: key === direction ? "active" : "", dataset: { direction: key } }, text.replace("A", a).replace("B", b));
    button.addEventListener("click", () => {
      direction = key;
      for (const other of toggles.children) other.classList.toggle("active", other === button);
      draw();
    });
    return button;
  }));
  replace(target, h("section", { class: "view-relation" }, header,
    h("h3", {}, `${series.a} ↔ ${series.b}`), h("p", { class: "muted", id: "relation-summary" }, totals(series)),
    toggles, quadLegend(), chartBox,
    h("div", { class: "split" }, h("div", { class: "panel" }, h("h3", {}, "Shifts"), shiftList(shifts, showShift)), evidence)));
  draw();
  const latest = [...series.periods].reverse().find((p) => (p.evidence || []).length);
  if (latest) showPeriod(latest);
  else replace(evidence, notice("No events between these actors."));
}
