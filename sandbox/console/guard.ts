// Who may use the sandbox console. It needs no key: it changes payments as a bank or a cardholder
// would, so it must only ever answer the person at this machine. Three checks:
// - the connection comes from a loopback address (a sandbox started on 0.0.0.0 still refuses others);
// - the Host header names a loopback host, so a web page whose domain was re-pointed at 127.0.0.1
//   (DNS rebinding) cannot read or drive it from the developer's own browser;
// - a POST comes from the console's own page: a browser sends Origin with every form POST, and
//   Sec-Fetch-Site when it knows; another site's form (or a page on Amply's own origin) is refused.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** 127.0.0.0/8, ::1, and IPv4 loopback addresses as an IPv6 socket shows them (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.split(".")[0] === "127";
  return isIP(address) === 6 && /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(address.toLowerCase());
}

/** The host part of a Host header (`127.0.0.1:12111`, `[::1]:12111`, `localhost`). */
function hostname(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  return host.replace(/:\d*$/, "");
}

/** A Host header that names this machine's loopback interface, and nothing else. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return false;
  const name = hostname(host).toLowerCase();
  return name === "localhost" || isLoopbackAddress(name);
}

export type ConsoleRequest = Pick<IncomingMessage, "method" | "headers"> & { socket: { remoteAddress?: string } };

/** Why the console refuses this request (answered with 403), or null when it may be served. */
export function consoleRefusal(req: ConsoleRequest): string | null {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return "The sandbox console is served to this machine only (loopback connections).";
  const host = req.headers.host;
  if (!isLoopbackHost(host)) return "The sandbox console answers only at a loopback address (127.0.0.1, [::1] or localhost).";
  if (req.method === "GET" || req.method === "HEAD") return null;
  const fetchSite = req.headers["sec-fetch-site"];
  if (fetchSite !== undefined && fetchSite !== "same-origin")
    return `A cross-site request cannot use the sandbox console (Sec-Fetch-Site: ${String(fetchSite)}).`;
  const origin = req.headers.origin;
  if (origin === undefined) return "The sandbox console takes form posts from its own page only: the request has no Origin.";
  if (origin !== `http://${String(host)}`) return `A cross-site request cannot use the sandbox console (Origin: ${origin}).`;
  return null;
}
