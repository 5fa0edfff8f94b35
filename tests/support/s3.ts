import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

// s3rver ships no types; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as new (
  options: Record<string, unknown>,
) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/**
 * A real S3-protocol server (s3rver) on a free port of this machine, with one bucket, checking
 * request signatures against its fixed keys. `env` configures Regiotafel's S3 file store for it.
 */
export async function startS3(directory: string, bucket = "regiotafel") {
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    env: {
      FILES_S3_BUCKET: bucket,
      FILES_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      FILES_S3_ACCESS_KEY_ID: "S3RVER",
      FILES_S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    close: () => server.close(),
  };
}
