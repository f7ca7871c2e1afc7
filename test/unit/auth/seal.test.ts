import { describe, expect, it, vi } from "vitest";
import { openSealedText, sealText } from "~/auth/seal.server";

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 9).toString("base64");
});

describe("sealed text", () => {
  it("opens for the row and purpose it was sealed for, and holds nothing readable", () => {
    const sealed = sealText("Hello Dana,\nhttps://custodian.example/portal/abc", "message-1", "outbox-body");
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("Dana");
    expect(openSealedText(sealed, "message-1", "outbox-body")).toBe("Hello Dana,\nhttps://custodian.example/portal/abc");
  });

  it("does not open on another row, under another purpose, or once altered", () => {
    const sealed = sealText("JBSWY3DPEHPK3PXP", "user-1");
    expect(openSealedText(sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(openSealedText(sealed, "user-2")).toBeNull();
    expect(openSealedText(sealed, "user-1", "outbox-body")).toBeNull();
    // A character inside the ciphertext (never the last, whose low bits may be padding).
    const at = sealed.length - 4;
    const altered = `${sealed.slice(0, at)}${sealed[at] === "A" ? "B" : "A"}${sealed.slice(at + 1)}`;
    expect(openSealedText(altered, "user-1")).toBeNull();
    expect(openSealedText("plain text", "user-1")).toBeNull();
  });
});
