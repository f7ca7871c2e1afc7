import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("the environment", () => {
  it("needs no variables: the defaults serve data/custodian.db on port 3000", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe("data/custodian.db");
  });

  it("takes PORT and DATABASE_PATH from the environment", () => {
    const env = parseEnv({ PORT: "4123", DATABASE_PATH: "/tmp/x.db" });
    expect(env.PORT).toBe(4123);
    expect(env.DATABASE_PATH).toBe("/tmp/x.db");
  });

  it("refuses a PORT that is not a port number and names the variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT must be between 1 and 65535/);
  });
});
