// Requests as an attacker sends them: Node's fetch will not forge Host, and a browser will not
// forge X-Forwarded-For, so the security tests speak HTTP themselves, from any loopback address.
import { request } from "node:http";

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** The cookies a response set, as a Cookie header. */
export function cookiesOf(response: RawResponse): string {
  const set = response.headers["set-cookie"] ?? [];
  return (Array.isArray(set) ? set : [set]).map((line) => line.split(";")[0]).join("; ");
}
