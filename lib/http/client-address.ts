// Who the client is. Anyone can send X-Forwarded-For, so Amply believes it only from the proxies
// TRUSTED_PROXIES names: a hop count ("1": one proxy in front), or a list of addresses and CIDR
// ranges. Without it the client is the socket's peer. Amply's server (scripts/serve.ts) resolves
// this once per request and hands route handlers the answer in X-Amply-Client-Address.
// No "server-only": the server script imports it outside Next.js.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-amply-client-address";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList };

export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const value = setting?.trim();
  if (!value) return { kind: "none" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new Error(`TRUSTED_PROXIES: a hop count is between 1 and 10 (got ${value}).`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32) || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32).`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "list", list };
}

/**
 * IPv4 clients arrive on dual-stack sockets as ::ffff:a.b.c.d; some proxies write X-Forwarded-For
 * entries with a port (1.2.3.4:5678, [2001:db8::1]:443), which is not part of who the client is.
 */
function normalise(address: string): string {
  const withoutPort = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(address)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ?? address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutPort);
  return mapped?.[1] ?? withoutPort;
}

function trusted(list: BlockList, address: string) {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the right-most address that is not one of the trusted proxies. Entries
 * that are not IP addresses end the walk at the last trustworthy hop.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies): string {
  const socket = normalise(socketAddress ?? "");
  if (proxies.kind === "none") return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => normalise(entry.trim()))
      .filter(Boolean),
    socket,
  ];
  let index = chain.length - 1;
  if (proxies.kind === "hops") {
    index = Math.max(0, chain.length - 1 - proxies.hops);
    // Every entry between the socket and the chosen one was written by a trusted proxy.
    for (let i = chain.length - 1; i >= index; i--) if (!isIP(chain[i] ?? "")) return socket;
    return chain[index] ?? socket;
  }
  while (index > 0 && trusted(proxies.list, chain[index] ?? "")) {
    if (!isIP(chain[index - 1] ?? "")) return chain[index] ?? socket;
    index--;
  }
  return chain[index] ?? socket;
}

/** What a per-client limit counts: the address, or for IPv6 its /64 (one subscriber's whole range). */
export function rateLimitSource(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address as Amply's server resolved it. Without that server in front (a bare
 * `next start`) there is no trustworthy address: every such request shares one "unknown" source,
 * so per-client limits still hold, for everyone at once.
 */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
