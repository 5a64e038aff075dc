// The JSON API, from the browser. Errors carry the server's one-line `detail`.

export class ApiError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

function describe(detail) {
  if (Array.isArray(detail)) {
    return detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  }
  return String(detail ?? "request failed");
}

async function handle(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, describe(body.detail));
  return body;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params) {
  return handle(await fetch(path + query(params), { headers: { Accept: "application/json" } }));
}

export async function postDocument(payload) {
  const response = await fetch("/documents", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(payload),
  });
  return handle(response);
}

let infoPromise = null;
/** Server facts (read-only?, upload limit, store counts, date range), fetched once. */
export function serverInfo() {
  infoPromise ??= getJSON("/info");
  return infoPromise;
}
