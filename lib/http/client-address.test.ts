// How Amply decides who a client is: the socket's address unless TRUSTED_PROXIES says which
// proxies' X-Forwarded-For to believe. Every case below is a header an attacker can send.
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, rateLimitSource, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted", () => {
    const none = parseTrustedProxies(undefined);
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("with a hop count, takes the entry that many hops from the socket and ignores what the client prepended", () => {
    const oneHop = parseTrustedProxies("1");
    // The proxy appended the real client (198.51.100.7); the client forged 1.2.3.4 in front.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7", oneHop)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", oneHop)).toBe("198.51.100.7");
    const twoHops = parseTrustedProxies("2");
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9", twoHops)).toBe("198.51.100.7");
    // Fewer entries than hops: the left-most there is, never an invented one.
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", twoHops)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", undefined, oneHop)).toBe("10.0.0.2");
  });

  it("with a list, walks from the socket leftwards past trusted proxies to the first untrusted address", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, fd00::/8");
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.1", list)).toBe("198.51.100.7");
    expect(resolveClientAddress("fd00::1", "2001:db8::5", list)).toBe("2001:db8::5");
    // A socket that is not a trusted proxy: its header is the client's own invention.
    expect(resolveClientAddress("203.0.113.9", "198.51.100.7", list)).toBe("203.0.113.9");
    // Every hop trusted: the left-most.
    expect(resolveClientAddress("10.0.0.2", "10.1.1.1", list)).toBe("10.1.1.1");
  });

  it("reads entries that carry a port, as some proxies write them", () => {
    const oneHop = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7:5678", oneHop)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::1]:443", oneHop)).toBe("2001:db8::1");
  });

  it("never takes a malformed entry as the client", () => {
    const oneHop = parseTrustedProxies("1");
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", oneHop)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, <script>", oneHop)).toBe("10.0.0.2");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what it cannot read, naming the entry", () => {
    expect(() => parseTrustedProxies("0")).toThrow(/hop count/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/proxy\.example/);
  });
});

describe("rateLimitSource", () => {
  it("counts an IPv6 client per /64, an IPv4 client per address", () => {
    expect(rateLimitSource("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSource("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSource("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSource("198.51.100.7")).toBe("198.51.100.7");
  });
});
