// The single-page UI: the URL fragment (#/view/arg?query) picks a view module.

import { serverInfo } from "./api.js";
import { notice, replace } from "./dom.js";
import { renderCode } from "./views/code.js";
import { renderDocument } from "./views/document.js";
import { renderEvents } from "./views/events.js";
import { renderNetwork } from "./views/network.js";
import { renderRelation } from "./views/relation.js";

const VIEWS = {
  network: renderNetwork,
  relation: renderRelation,
  events: renderEvents,
  document: renderDocument,
  code: renderCode,
};

/** "#/relation/IRN/RUS?freq=year" -> {view: "relation", args: ["IRN","RUS"], params}. */
export function parseRoute(hash) {
  const [path, search = ""] = (hash || "").replace(/^#\/?/, "").split("?");
  const [view, ...args] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { view: VIEWS[view] ? view : "network", args, params: new URLSearchParams(search) };
}

let generation = 0;

async function route() {
  const target = document.getElementById("view");
  const { view, args, params } = parseRoute(window.location.hash);
  const mine = (generation += 1);
  for (const link of document.querySelectorAll("#nav a[data-view]")) {
    link.classList.toggle("active", link.dataset.view === view);
  }
  document.body.dataset.view = view;
  replace(target, notice("Loading…"));
  try {
    await VIEWS[view](target, args, params, () => mine === generation);
  } catch (error) {
    if (mine === generation) replace(target, notice(error.message || String(error), "error"));
  }
}

async function showServer() {
  try {
    const info = await serverInfo();
    const stats = info.stats || {};
    const mode = info.read_only ? "read-only" : "read-write";
    document.getElementById("server-info").textContent =
      `${stats.documents ?? "?"} documents · ${stats.events ?? "?"} events · ${mode} · v${info.version}`;
    document.body.classList.toggle("read-only", Boolean(info.read_only));
  } catch (error) {
    document.getElementById("server-info").textContent = `server unavailable: ${error.message}`;
  }
}

window.addEventListener("hashchange", route);
showServer();
route();
