import { hash, hashSync, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 30 ms here.
// @node-rs/argon2 defaults to argon2id; the parameters are spelled out so a
// change of library defaults never silently weakens new hashes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** For the synchronous seed transaction only; requests use hashPassword. */
export function hashPasswordSync(password: string): string {
  return hashSync(password, options);
}

// Verifying against this when no user matches keeps a wrong email as slow as a wrong password.
let unknownUserHash: string | undefined;

/** True when the password matches the stored hash; a missing or malformed hash never matches. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    unknownUserHash ??= hashSync("no user has this password", options);
    const matches = await verify(passwordHash ?? unknownUserHash, password);
    return passwordHash !== null && matches;
  } catch {
    return false;
  }
}
