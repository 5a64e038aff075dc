// Document view: metadata, then each post with its coded spans highlighted.

import { getJSON } from "../api.js";
import { h, notice, replace } from "../dom.js";
import { eventCards } from "../eventlist.js";
import { legend, marked } from "../spans.js";

/** A link only for http(s) URLs; anything else (javascript:, data:) stays plain text. */
function urlNode(url) {
  if (!/^https?:\/\//i.test(url)) return url;
  return h("a", { href: url, rel: "noopener noreferrer nofollow" }, url);
}

function meta(document) {
  const facts = [
    ["Author", document.author],
    ["Publisher", document.publisher],
    ["Date", document.date],
    ["Original source", document.original_source],
    ["Source", document.source],
  ].filter(([, value]) => value);
  return h("dl", { class: "meta" }, facts.map(([key, value]) => [h("dt", {}, key), h("dd", {}, value)]),
    document.url ? [h("dt", {}, "URL"), h("dd", {}, urlNode(document.url))] : null);
}

export function postBlock(post, onSelect) {
  const events = new Set((post.spans || []).map((s) => s.event_id)).size;
  return h("article", { class: `post post-${post.kind}`, dataset: { postId: post.post_id } },
    h("header", { class: "post-head" },
      h("strong", {}, post.kind === "comment" ? `Comment ${post.index}` : post.title || post.kind || "Text"),
      post.author ? ` by ${post.author}` : "", post.date ? ` · ${post.date}` : "",
      h("span", { class: "muted" }, ` · ${events} events`)),
    h("div", { class: "post-text" }, marked(post.text || "", post.spans || [], onSelect)));
}

/** The whole document (used by the document view and the "code a text" page). */
export function documentBlock(document, onSelect) {
  return h("div", { class: "document" },
    h("h2", { class: "doc-title" }, document.title || document.doc_id),
    meta(document), legend(),
    (document.posts || []).map((post) => postBlock(post, onSelect)));
}

export async function renderDocument(target, args, _params, current) {
  const [docId] = args;
  const [document, coded] = await Promise.all([
    getJSON(`/documents/${encodeURIComponent(docId || "")}`),
    getJSON("/events", { source: docId, limit: 1000 }).catch(() => ({ events: [] })),
  ]);
  if (!current()) return;
  const byId = new Map(coded.events.map((event) => [event.event_id, event]));
  const panel = h("aside", { id: "span-panel", class: "panel" }, notice("Click a highlighted span to see its event."));
  const pick = (ids) => {
    const events = ids.map((id) => byId.get(id)).filter(Boolean);
    replace(panel, h("h3", {}, events.length === 1 ? "Event" : `${events.length} events`),
      events.length ? eventCards(events) : notice(`Event ${ids.join(", ")}`));
  };
  replace(target, h("section", { class: "view-document" },
    h("div", { class: "split" }, documentBlock(document, pick), panel)));
}
