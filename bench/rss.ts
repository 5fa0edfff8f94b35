import { readFileSync } from "node:fs";

/** A process's resident memory in MB, from /proc: what the bench samples while it measures. */
export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
