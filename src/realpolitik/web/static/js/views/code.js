// "Code a text": paste an article, code it on the server, see its events and spans together.

import { postDocument, serverInfo } from "../api.js";
import { h, notice, replace } from "../dom.js";
import { eventTable } from "../eventlist.js";
import { documentBlock } from "./document.js";

function codeForm(onSubmit, limit) {
  const node = h("form", { class: "code-form", id: "code-form" },
    h("label", { class: "block" }, "Text (plain text or HTML)",
      h("textarea", { name: "text", rows: 12, required: true, placeholder: "Paste an article, an analysis or a forum thread…" })),
    h("div", { class: "filters" },
      h("label", {}, "Title ", h("input", { name: "title", size: 30 })),
      h("label", {}, "Publisher ", h("input", { name: "publisher", size: 16 })),
      h("label", {}, "Date ", h("input", { name: "date", type: "date" })),
      h("button", { type: "submit" }, "Code it"),
      h("span", { class: "muted" }, ` up to ${Math.round(limit / 1024)} KiB`)));
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(node);
    const payload = { text: String(data.get("text") || "") };
    for (const key of ["title", "publisher", "date"]) if (String(data.get(key) || "").trim()) payload[key] = String(data.get(key)).trim();
    onSubmit(payload, node);
  });
  return node;
}

async function code(payload, form, result) {
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  replace(result, notice("Coding… (the first request loads the language model)"));
  try {
    const coded = await postDocument(payload);
    replace(result,
      h("h3", { id: "coded-count" }, `${coded.events.length} events`),
      coded.events.length ? eventTable(coded.events) : notice("No events found in this text."),
      coded.document ? documentBlock(coded.document) : null,
      h("p", {}, h("a", { href: `#/document/${encodeURIComponent(coded.doc_id)}` }, "Open the stored document")));
  } catch (error) {
    replace(result, notice(error.message, "error"));
  } finally {
    button.disabled = false;
  }
}

export async function renderCode(target) {
  const info = await serverInfo();
  if (info.read_only) {
    replace(target, h("section", { class: "view-code" }, h("h2", {}, "Code a text"),
      notice("This server is read-only (started with --read-only or on a public interface); coding new texts is disabled.", "error")));
    return;
  }
  const result = h("div", { id: "code-result" });
  const form = codeForm((payload, node) => code(payload, node, result), info.max_upload_bytes);
  replace(target, h("section", { class: "view-code" }, h("h2", {}, "Code a text"), form, result));
}
