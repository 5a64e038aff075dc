// Network view: the signed alignment graph, a time window, and the events behind an edge.

import { getJSON, serverInfo } from "../api.js";
import { debounce, h, notice, replace } from "../dom.js";
import { eventCards } from "../eventlist.js";
import { BLOC_COLOURS, signColour } from "../format.js";

/** Slider steps from the first to the last event date: months, or years over long spans. */
export function windowSteps(first, last) {
  if (!first || !last) return [];
  const [y0, m0] = first.slice(0, 7).split("-").map(Number);
  const [y1, m1] = last.slice(0, 7).split("-").map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0);
  if (span > 240) {
    const years = [];
    for (let year = y0; year <= y1; year += 1) years.push({ label: String(year), from: `${year}-01-01`, to: `${year}-12-31` });
    return years;
  }
  const months = [];
  for (let i = 0; i <= span; i += 1) {
    const year = y0 + Math.floor((m0 - 1 + i) / 12);
    const month = ((m0 - 1 + i) % 12) + 1;
    const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    months.push({ label, from: `${label}-01`, to: `${label}-${String(lastDay).padStart(2, "0")}` });
  }
  return months;
}

function blocOf(node) {
  return Number.isInteger(node.bloc) ? node.bloc : -1;
}

function elements(network) {
  const max = Math.max(1, ...network.nodes.map((n) => n.events || 0));
  // Start from a circle with each bloc's members side by side: deterministic, and blocs stay together.
  const order = [...network.nodes].sort((a, b) => blocOf(a) - blocOf(b) || (b.events || 0) - (a.events || 0));
  const radius = 80 * Math.sqrt(order.length + 1);
  const start = Object.fromEntries(order.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, order.length);
    return [n.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) }];
  }));
  const nodes = network.nodes.map((n) => ({
    position: start[n.id],
    data: {
      id: n.id,
      label: n.label || n.id,
      size: 16 + 34 * Math.sqrt((n.events || 0) / max),
      colour: blocOf(n) >= 0 ? BLOC_COLOURS[blocOf(n) % BLOC_COLOURS.length] : "#9e9e9e",
      events: n.events || 0,
    },
  }));
  const labels = Object.fromEntries(network.nodes.map((n) => [n.id, n.label || n.id]));
  const maxEdge = Math.max(1, ...network.edges.map((e) => e.events || 0));
  const edges = network.edges.map((e) => ({
    data: {
      id: `${e.source}__${e.target}`,
      source: e.source,
      target: e.target,
      sourceLabel: labels[e.source] || e.source,
      targetLabel: labels[e.target] || e.target,
      colour: signColour(e.cooperation, e.conflict),
      width: 1.5 + 8 * Math.sqrt((e.events || 0) / maxEdge),
      events: e.events || 0,
      cooperation: e.cooperation || 0,
      conflict: e.conflict || 0,
    },
  }));
  return [...nodes, ...edges];
}

const LAYOUT = {
  name: "cose",
  animate: false,
  randomize: false,
  nodeRepulsion: () => 300000,
  idealEdgeLength: () => 130,
  nodeOverlap: 20,
  componentSpacing: 60,
  padding: 30,
};

/** Keep labels and marks readable however far the graph is zoomed out to fit. */
function keepReadable(cy) {
  const zoom = cy.zoom();
  const grow = 1 / Math.sqrt(Math.min(1, zoom));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.style({ width: node.data("size") * grow, height: node.data("size") * grow, "font-size": 13 / Math.min(1, zoom), "text-outline-width": 2 / Math.min(1, zoom) });
    });
    cy.edges().forEach((edge) => edge.style("width", edge.data("width") * grow));
  });
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      label: "data(label)",
      width: "data(size)",
      height: "data(size)",
      "font-size": 13,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-outline-color": "#fff",
      "text-outline-width": 2,
    },
  },
  {
    selector: "edge",
    style: {
      "line-color": "data(colour)",
      width: "data(width)",
      "curve-style": "bezier",
      opacity: 0.8,
    },
  },
  { selector: "edge:selected", style: { opacity: 1, "underlay-color": "#ffd54f", "underlay-opacity": 0.8, "underlay-padding": 4 } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffb300" } },
];

async function edgeEvents(source, target, range) {
  const [there, back] = await Promise.all([
    getJSON("/events", { ...range, actor: source, recipient: target, limit: 100 }),
    getJSON("/events", { ...range, actor: target, recipient: source, limit: 100 }),
  ]);
  return { total: there.total + back.total, events: [...there.events, ...back.events] };
}

async function showEdge(panel, data, range) {
  replace(panel, notice(`Loading events between ${data.source} and ${data.target}…`));
  const { total, events } = await edgeEvents(data.source, data.target, range);
  events.sort((a, b) => String(a.date?.start).localeCompare(String(b.date?.start)));
  replace(
    panel,
    h("h3", { dataset: { dyad: `${data.source}|${data.target}` } }, `${data.sourceLabel} ↔ ${data.targetLabel}`),
    h(
      "p",
      { class: "muted" },
      `${data.source}–${data.target} · ${data.events} counted in the network (cooperation ${data.cooperation}, conflict ${data.conflict}) · ${total} reports in the window, listed below`,
    ),
    h(
      "p",
      {},
      h("a", { href: `#/relation/${encodeURIComponent(data.source)}/${encodeURIComponent(data.target)}`, class: "button" }, "Relationship timeline"),
      " ",
      h("a", { href: `#/events?actor=${encodeURIComponent(data.source)}&recipient=${encodeURIComponent(data.target)}`, class: "button" }, "In the explorer"),
    ),
    events.length ? eventCards(events) : notice("No events."),
  );
}

function showNode(panel, data) {
  replace(
    panel,
    h("h3", {}, data.label),
    h("p", { class: "muted" }, `${data.events} events`),
    h("p", {}, h("a", { href: `#/events?actor=${encodeURIComponent(data.id)}`, class: "button" }, "Events by this actor")),
    notice("Click an edge to see the events behind it."),
  );
}

function blocLegend(network) {
  const labels = Object.fromEntries(network.nodes.map((n) => [n.id, n.label || n.id]));
  return h(
    "ul",
    { class: "blocs" },
    (network.blocs || []).map((bloc, index) =>
      h(
        "li",
        {},
        h("span", { class: "swatch", style: `background:${BLOC_COLOURS[index % BLOC_COLOURS.length]}` }),
        bloc.map((id) => labels[id] || id).join(", "),
      ),
    ),
  );
}

function windowControls(steps, onChange) {
  const top = Math.max(0, steps.length - 1);
  const from = h("input", { type: "range", min: 0, max: top, value: 0, id: "window-from", "aria-label": "window start" });
  const to = h("input", { type: "range", min: 0, max: top, value: top, id: "window-to", "aria-label": "window end" });
  const label = h("output", { id: "window-label" });
  const update = () => {
    let [a, b] = [Number(from.value), Number(to.value)];
    if (a > b) [a, b] = [b, a];
    const start = a > 0 ? steps[a].label : `…${steps[0]?.label ?? ""}`;
    const end = b < top ? steps[b].label : `${steps[top]?.label ?? ""}…`;
    label.textContent = steps.length ? `${start} – ${end}` : "all dates";
    // The ends of the slider mean "no bound", so events beyond any date limit stay in.
    onChange({ date_from: a > 0 ? steps[a].from : null, date_to: b < top ? steps[b].to : null });
  };
  const debounced = debounce(update, 250);
  from.addEventListener("input", debounced);
  to.addEventListener("input", debounced);
  return { node: h("div", { class: "window" }, h("label", {}, "Time window "), from, to, label), update };
}

export async function renderNetwork(target, _args, params, current) {
  const info = await serverInfo();
  const steps = windowSteps(info.window_from || info.date_from, info.window_to || info.date_to);
  const graph = h("div", { id: "graph", class: "graph" });
  const panel = h("aside", { id: "edge-panel", class: "panel" }, notice("Click an edge to see the events behind it."));
  const summary = h("p", { class: "muted", id: "network-summary" });
  const legend = h("div", { class: "legend-box" });
  const minEvents = Number(params.get("min_events") || 1);
  const history = h("input", { type: "checkbox", id: "network-history" });
  let cy = null;
  let lastRange = {};

  async function draw(range) {
    lastRange = range;
    const network = await getJSON("/network", { ...range, min_events: minEvents, history: history.checked || null });
    if (!current()) return;
    summary.textContent = `${network.nodes.length} actors · ${network.edges.length} relations · ${(network.blocs || []).length} blocs`;
    replace(legend, h("strong", {}, "Blocs"), blocLegend(network), h("p", { class: "muted" }, "Edge colour: green cooperation, red conflict; width: events. Node size: activity."));
    if (cy) cy.destroy();
    cy = cytoscapeLib()({ container: graph, elements: elements(network), style: STYLE, layout: LAYOUT, wheelSensitivity: 0.3 });
    keepReadable(cy);
    cy.on("zoom", () => keepReadable(cy));
    cy.on("tap", "edge", (evt) => showEdge(panel, evt.target.data(), range).catch((e) => replace(panel, notice(e.message, "error"))));
    cy.on("tap", "node", (evt) => showNode(panel, evt.target.data()));
    graph.cy = cy;
    graph.dataset.ready = "true";
  }

  const controls = windowControls(steps, (range) => {
    graph.dataset.ready = "false";
    draw(range).catch((e) => replace(panel, notice(e.message, "error")));
  });
  history.addEventListener("change", () => {
    graph.dataset.ready = "false";
    draw(lastRange).catch((e) => replace(panel, notice(e.message, "error")));
  });
  replace(
    target,
    h("section", { class: "view-network" },
      h("div", { class: "toolbar" }, h("h2", {}, "Alignment network"), controls.node,
        h("label", { title: "Events dated 10 or more years before the document reporting them" }, history, " history"), summary),
      h("div", { class: "split" }, h("div", { class: "graph-wrap" }, graph, legend), panel)),
  );
  controls.update();
}

function cytoscapeLib() {
  if (typeof window.cytoscape !== "function") throw new Error("graph library failed to load");
  return window.cytoscape;
}
