// Copy the built front-end libraries (and their licences) into the package's
// static folder, so the installed package serves them with no npm and no network.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const target = join(root, "..", "src", "realpolitik", "web", "static", "vendor");

const files = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape/LICENSE"],
  ["cytoscape/package.json", "cytoscape/package.json"],
];

for (const [from, to] of files) {
  const destination = join(target, to);
  mkdirSync(dirname(destination), { recursive: true });
  copyFileSync(join(root, "node_modules", from), destination);
  console.log(`vendored ${from} -> static/vendor/${to}`);
}
