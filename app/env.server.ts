import * as z from "zod";

function unsetWhenBlank<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

function base64Key(name: string) {
  return z
    .string()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32, {
      message: `${name} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
    });
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce
    .number({ message: "PORT must be a number" })
    .int()
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  /** Interface to listen on. Tests pass 127.0.0.1. */
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("data/custodian.db"),
  QUESTIONNAIRES_DIR: z.string().min(1).default("questionnaires"),
  /** Public address of the app, used in emailed links; without it, the address of the request. */
  APP_URL: unsetWhenBlank(z.url({ protocol: /^https?$/, message: "APP_URL must be an http or https URL" }).optional()),
  /** Base64 of 32 random bytes; without it a key is generated into APP_KEY_FILE. */
  APP_KEY: unsetWhenBlank(base64Key("APP_KEY").optional()),
  APP_KEY_FILE: z.string().min(1).default("data/keys/app.key"),
  /** How many reverse proxies stand in front of the app (their X-Forwarded-* headers are believed). */
  TRUST_PROXY: z.coerce
    .number({ message: "TRUST_PROXY must be a number of proxies" })
    .int("TRUST_PROXY must be a whole number of proxies")
    .min(0, "TRUST_PROXY must be 0 or more")
    .max(10, "TRUST_PROXY must be at most 10")
    .default(0),
  /** smtp:// or smtps:// server for outgoing mail; without it, mail is kept in the outbox page. */
  SMTP_URL: unsetWhenBlank(z.url({ protocol: /^smtps?$/, message: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional()),
  MAIL_FROM: z.string().min(3).default("Custodian <no-reply@localhost>"),
  EVIDENCE_DIR: z.string().min(1).default("data/evidence"),
  EVIDENCE_KEY: unsetWhenBlank(base64Key("EVIDENCE_KEY").optional()),
  EVIDENCE_KEY_FILE: z.string().min(1).default("data/keys/evidence.key"),
  EVIDENCE_MAX_BYTES: z.coerce
    .number({ message: "EVIDENCE_MAX_BYTES must be a number of bytes" })
    .int("EVIDENCE_MAX_BYTES must be a whole number of bytes")
    .min(1, "EVIDENCE_MAX_BYTES must be at least 1")
    .default(10 * 1024 * 1024),
  /** How often the server sends due-date and review reminders; 0 turns them off (app/mail/reminders.server.ts). */
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number({ message: "REMINDER_INTERVAL_MINUTES must be a number of minutes" })
    .int("REMINDER_INTERVAL_MINUTES must be a whole number of minutes")
    .min(0, "REMINDER_INTERVAL_MINUTES must be 0 (off) or more")
    .max(7 * 24 * 60, "REMINDER_INTERVAL_MINUTES must be at most a week (10080)")
    .default(60),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
