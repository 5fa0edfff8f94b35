import { readFileSync } from "node:fs";

/**
 * How `npm start` runs the built server: the last step of its script in package.json, e.g.
 * `node --enable-source-maps --heap-growing-percent=50 dist/server/main.js` (the flags are
 * explained in docs/decisions/0004). The browser tests and the bench take it from there, so what
 * they run is what runs, flags included.
 */
const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
export const serverCommand: string = scripts.start.split("&&").at(-1).trim();
/** Node's flags in it (between `node` and the bundle). */
export const serverNodeFlags = serverCommand.split(/\s+/).slice(1, -1);
