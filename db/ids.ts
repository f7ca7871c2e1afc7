import { randomBytes } from "node:crypto";

/** A random, URL-safe, unguessable id (96 bits). */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}
