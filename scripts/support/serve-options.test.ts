import { describe, expect, it } from "vitest";
import { serveOptions } from "./serve-options";

describe("where Amply's server listens", () => {
  it("in development, on 127.0.0.1 only unless told otherwise (the mailbox shows sign-in links)", () => {
    expect(serveOptions(["--dev"], { HOSTNAME: "0.0.0.0" })).toEqual({ dev: true, port: 3000, hostname: "127.0.0.1" });
    expect(serveOptions(["--dev", "--hostname", "0.0.0.0", "--port", "4000"], {})).toEqual({ dev: true, port: 4000, hostname: "0.0.0.0" });
  });

  it("in production, as next start does: PORT and HOSTNAME, every interface by default", () => {
    expect(serveOptions([], {})).toEqual({ dev: false, port: 3000, hostname: undefined });
    expect(serveOptions([], { PORT: "8080", HOSTNAME: "10.0.0.5" })).toEqual({ dev: false, port: 8080, hostname: "10.0.0.5" });
    expect(serveOptions(["--port", "3100"], { PORT: "8080" })).toEqual({ dev: false, port: 3100, hostname: undefined });
  });
});
