import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations, outbox } from "#db/schema";
import { getDb } from "~/db.server";
import { sendMail } from "~/mail/send-mail.server";
import { listOutbox } from "~/models/outbox.server";

const received: string[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const organisationId = () => getDb().select({ id: organisations.id }).from(organisations).get()!.id;

describe("sending mail", () => {
  it("keeps the message in the outbox when no SMTP server is set", async () => {
    const delivery = await sendMail(
      getDb(),
      { organisationId: organisationId(), to: "sam@acme-retail.example", subject: "Hello", text: "Line one\nLine two" },
      { from: "Custodian <no-reply@localhost>" },
    );
    expect(delivery.via).toBe("outbox");
    const kept = getDb().select().from(outbox).all();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ recipient: "sam@acme-retail.example", subject: "Hello" });
    expect(kept[0]!.body).toMatch(/^v1\./);
    expect(kept[0]!.body).not.toContain("Line one");
    expect(listOutbox(getDb(), organisationId())).toEqual([expect.objectContaining({ body: "Line one\nLine two" })]);
  });

  it("keeps a confidential message out of the outbox: the server log has it, the outbox only says it was sent", async () => {
    const printed: string[] = [];
    const delivery = await sendMail(
      getDb(),
      { organisationId: organisationId(), to: "lea@acme-retail.example", subject: "Reset", text: "https://example.test/reset-password/secret", confidential: true },
      { from: "Custodian <no-reply@localhost>", log: (text) => printed.push(text) },
    );
    expect(delivery.via).toBe("server-log");
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain("Mail to lea@acme-retail.example");
    expect(printed[0]).toContain("https://example.test/reset-password/secret");
    const note = listOutbox(getDb(), organisationId()).find((m) => m.recipient === "lea@acme-retail.example")!;
    expect(note.subject).toBe("Reset");
    expect(note.body).not.toContain("secret");
  });

  it("sends through SMTP_URL when it is set, and keeps nothing", async () => {
    const before = getDb().select().from(outbox).all().length;
    const delivery = await sendMail(
      getDb(),
      { organisationId: organisationId(), to: "lea@acme-retail.example", subject: "Reset your Custodian password", text: "Open this link." },
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Custodian <no-reply@custodian.example>" },
    );
    expect(delivery.via).toBe("smtp");
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("To: lea@acme-retail.example");
    expect(received[0]).toContain("Subject: Reset your Custodian password");
    expect(received[0]).toContain("Open this link.");
    expect(getDb().select().from(outbox).all()).toHaveLength(before);
  });
});
