import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A random token for cookies, e-mailed links and API tokens (256 bits, URL-safe). */
export const newToken = (prefix = "") => prefix + randomBytes(32).toString("base64url");

/**
 * Tokens are stored as their SHA-256: they are long random values, so a fast hash suffices and
 * lets a lookup use the primary key. Passwords, which people choose, get argon2id.
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Verify against a fixed hash when there is none, so a missing account costs the same time.
  dummyHash ??= hash(newToken());
  return verify(stored ?? (await dummyHash), password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
