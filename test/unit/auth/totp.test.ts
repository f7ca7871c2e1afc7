import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  formatSecretForTyping,
  generateTotpSecret,
  hotp,
  totpCode,
  totpUri,
  verifyTotp,
  type TotpAlgorithm,
} from "~/auth/totp";

const ascii = (text: string) => Buffer.from(text, "ascii");

describe("HOTP", () => {
  it("gives the RFC 4226 Appendix D values for counters 0 to 9", () => {
    const secret = ascii("12345678901234567890");
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(secret, counter))).toEqual(expected);
  });
});

describe("TOTP", () => {
  // RFC 6238 Appendix B: 8 digits, 30-second steps, one seed per hash function.
  const seeds: Record<TotpAlgorithm, Buffer> = {
    sha1: ascii("12345678901234567890"),
    sha256: ascii("12345678901234567890123456789012"),
    sha512: ascii("1234567890123456789012345678901234567890123456789012345678901234"),
  };
  const vectors: [number, Record<TotpAlgorithm, string>][] = [
    [59, { sha1: "94287082", sha256: "46119246", sha512: "90693936" }],
    [1111111109, { sha1: "07081804", sha256: "68084774", sha512: "25091201" }],
    [1111111111, { sha1: "14050471", sha256: "67062674", sha512: "99943326" }],
    [1234567890, { sha1: "89005924", sha256: "91819424", sha512: "93441116" }],
    [2000000000, { sha1: "69279037", sha256: "90698825", sha512: "38618901" }],
    [20000000000, { sha1: "65353130", sha256: "77737706", sha512: "47863826" }],
  ];

  it.each(vectors)("gives the RFC 6238 test values at %i seconds", (seconds, codes) => {
    for (const algorithm of ["sha1", "sha256", "sha512"] as const) {
      expect(totpCode(seeds[algorithm], seconds * 1000, { algorithm, digits: 8 }), algorithm).toBe(codes[algorithm]);
    }
  });

  const secret = seeds.sha1;
  const now = 1_234_567_890_000;

  it("accepts the current code and one step either side, for clock drift", () => {
    for (const offset of [-30_000, 0, 30_000]) {
      expect(verifyTotp(secret, totpCode(secret, now + offset), { now })).not.toBeNull();
    }
  });

  it("refuses a code two steps away", () => {
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), { now })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 60_000), { now })).toBeNull();
  });

  it("refuses a code already used, and any earlier one", () => {
    const step = verifyTotp(secret, totpCode(secret, now), { now })!;
    expect(verifyTotp(secret, totpCode(secret, now), { now, afterStep: step })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), { now, afterStep: step })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), { now, afterStep: step })).toBe(step + 1);
  });

  it("accepts spaces in a typed code and refuses anything but six digits", () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now })).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}x`]) expect(verifyTotp(secret, bad, { now })).toBeNull();
  });
});

describe("base32", () => {
  it("encodes the RFC 4648 test vectors, without padding", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(ascii(plain))).toBe(encoded);
      expect(base32Decode(encoded)?.toString("ascii")).toBe(plain);
    }
  });

  it("decodes what people type: lower case, spaces, hyphens, padding", () => {
    expect(base32Decode("mzxw 6ytb-oi======")?.toString("ascii")).toBe("foobar");
    expect(base32Decode("MZXW1")).toBeNull();
  });

  it("makes 160-bit secrets, shown in groups of four and in an otpauth URI", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(formatSecretForTyping("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    expect(totpUri("ABCD", "sam@example.com")).toBe(
      "otpauth://totp/Custodian%3Asam%40example.com?secret=ABCD&issuer=Custodian&algorithm=SHA1&digits=6&period=30",
    );
  });
});
