// Builds the web app into dist/web when its sources are newer than the last build (or with
// --force), so a warm `npm start` does not rebuild. Prints the gzip sizes of the initial JS.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const stamp = "dist/web/index.html";
const sources = Math.max(
  newest("src/web"),
  newest("src/shared"),
  statSync("vite.config.ts").mtimeMs,
  statSync("package-lock.json").mtimeMs,
);
if (!process.argv.includes("--force") && existsSync(stamp) && statSync(stamp).mtimeMs > sources)
  process.exit(0);

execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });

const html = readFileSync(stamp, "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join("dist/web", file))).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} kB gzip`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} kB gzip (budget 250 kB)`);
