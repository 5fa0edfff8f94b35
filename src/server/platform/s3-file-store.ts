import { checkKey, type FileStore, STORAGE_KEY } from "./files.js";
import { lazy } from "./lazy.js";

export interface S3Options {
  bucket: string;
  /** An S3-compatible store's address; its buckets are addressed by path (`/bucket/key`). */
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * File bytes in an S3 bucket (Amazon S3 or a compatible store), under the same keys as the
 * directory store. The SDK loads on first use, so a server that stores files on disk never
 * carries it.
 */
export class S3FileStore implements FileStore {
  constructor(private options: S3Options) {}

  private sdk = lazy(async () => {
    const s3 = await import("@aws-sdk/client-s3");
    const { endpoint, region, credentials } = this.options;
    const client = new s3.S3Client({
      region,
      endpoint,
      credentials,
      forcePathStyle: Boolean(endpoint),
      // Checksums only where S3 requires them: many S3-compatible stores reject the SDK's
      // default extra checksum headers, and every key is written once and read whole anyway.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    // A bucket's own requests (the listing) go to /bucket rather than /bucket/: both are valid
    // S3, and some compatible servers (s3rver, which the tests run against) sign only the first.
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { path?: string };
        if (request.path && /^\/[^/]+\/$/.test(request.path)) request.path = request.path.slice(0, -1);
        return next(args);
      },
      { step: "build", name: "bucketPathWithoutSlash" },
    );
    return { s3, client };
  });

  async put(key: string, data: Buffer) {
    const { s3, client } = await this.sdk();
    await client.send(
      new s3.PutObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key), Body: data }),
    );
  }

  async get(key: string) {
    const { s3, client } = await this.sdk();
    const object = await client.send(
      new s3.GetObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }),
    );
    if (!object.Body) throw new Error(`no bytes for ${key}`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async delete(key: string) {
    const { s3, client } = await this.sdk();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }));
  }

  async *list() {
    const { s3, client } = await this.sdk();
    // Only our own keys: the bucket may hold other things, which are not ours to sweep.
    for await (const page of s3.paginateListObjectsV2({ client }, { Bucket: this.options.bucket }))
      for (const o of page.Contents ?? [])
        if (o.Key && STORAGE_KEY.test(o.Key) && o.LastModified)
          yield { key: o.Key, modifiedAt: o.LastModified };
  }
}
