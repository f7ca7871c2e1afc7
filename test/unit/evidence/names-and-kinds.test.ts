import { describe, expect, it } from "vitest";
import { acceptsExtension } from "~/answering/evidence.server";
import { cleanFileName } from "~/models/evidence.server";

describe("an uploaded file's name", () => {
  it("keeps only the last part of a path, from either kind of slash", () => {
    expect(cleanFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(cleanFileName("C:\\Users\\dana\\DPA annex.docx", "docx")).toBe("DPA annex.docx");
  });

  it("drops control and quoting characters, and leading dots", () => {
    expect(cleanFileName('in"voice\u0000;<x>.pdf', "pdf")).toBe("invoicex.pdf");
    expect(cleanFileName("...hidden.pdf", "pdf")).toBe("hidden.pdf");
  });

  it("falls back to a plain name when nothing is left, and keeps the end of a long name with its extension", () => {
    expect(cleanFileName("../", "pdf")).toBe("evidence.pdf");
    const long = cleanFileName(`${"a".repeat(300)}.pdf`, "pdf");
    expect(long).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("a file question's accepted kinds", () => {
  it("takes any kind when the question names none, and otherwise only those it names, jpg and jpeg alike", () => {
    expect(acceptsExtension([], "xlsx")).toBe(true);
    expect(acceptsExtension(["pdf", "docx"], "docx")).toBe(true);
    expect(acceptsExtension(["pdf", "docx"], "png")).toBe(false);
    expect(acceptsExtension(["jpeg"], "jpg")).toBe(true);
  });
});
