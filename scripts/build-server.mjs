// Bundles the server into dist/server (main.js, cli.js) when its sources are newer than the last
// build (or with --force). Production runs plain node on the bundle: no TypeScript loader in
// memory or on the request path. Packages stay in node_modules (external).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const stamp = "dist/server/main.js";
const sources = Math.max(newest("src/server"), newest("src/shared"), statSync("package-lock.json").mtimeMs);
if (!process.argv.includes("--force") && existsSync(stamp) && statSync(stamp).mtimeMs > sources)
  process.exit(0);

await build({
  entryPoints: ["src/server/main.ts", "src/server/cli.ts"],
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
