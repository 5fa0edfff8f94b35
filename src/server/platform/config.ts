import { resolve } from "node:path";
import { z } from "zod";

/** Everything Regiotafel reads from the environment, validated once at start-up. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** postgres://… selects a PostgreSQL server; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Where a server process LISTENs for changes of sessions, tokens and accounts, so it may keep
   * callers between reads (docs/decisions/0008): DATABASE_URL by default; a direct connection
   * when DATABASE_URL goes through a pooler in transaction mode; "off" to keep none.
   */
  DATABASE_LISTEN_URL: z.union([z.literal("off"), z.string().url()]).optional(),
  DATA_DIR: z.string().default("./data"),
  /** Where uploaded files are stored; defaults to DATA_DIR/files. */
  FILES_DIR: z.string().optional(),
  /** An S3 bucket to store uploaded files in instead of FILES_DIR. */
  FILES_S3_BUCKET: z.string().min(3).optional(),
  /** The address of an S3-compatible store (MinIO, Ceph, …); unset means Amazon S3. */
  FILES_S3_ENDPOINT: z.string().url().optional(),
  FILES_S3_REGION: z.string().default("us-east-1"),
  /** Keys for the bucket; unset, the AWS SDK's own chain applies (AWS_ACCESS_KEY_ID, a role, …). */
  FILES_S3_ACCESS_KEY_ID: z.string().optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** smtp://user:pass@host:port; unset keeps mails in the database, readable by beheerders. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Regiotafel <noreply@regiotafel.local>"),
  /** The address users reach the app at; used in links in e-mails and for Secure cookies. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Seed the demo region on an empty database (default on for the embedded database). */
  DEMO: z.enum(["0", "1"]).optional(),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().default(20),
  /** Check every response against its schema before writing it (the tests do; serializer.ts). */
  RESPONSE_CHECK: z.enum(["0", "1"]).default("0"),
});

export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; filesDir: string; demo: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const c = parsed.data;
  return {
    ...c,
    DATA_DIR: resolve(c.DATA_DIR),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    filesDir: resolve(c.FILES_DIR ?? `${c.DATA_DIR}/files`),
    demo: c.DEMO ? c.DEMO === "1" : !c.DATABASE_URL,
  };
}
