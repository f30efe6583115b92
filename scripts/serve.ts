// `npm start` (and, with --dev, the server under `npm run dev`): Next.js's request handler behind a
// small Node server that decides who the client is. Route handlers cannot see the socket, and a
// client can send any X-Forwarded-For, so this server drops whatever X-Amply-Client-Address
// arrives and sets it from the socket, or from X-Forwarded-For as far as TRUSTED_PROXIES allows
// (lib/http/client-address.ts). Route handlers read only that header.
//
//   PORT (3000), HOSTNAME (all interfaces unless set; 127.0.0.1 with --dev), TRUSTED_PROXIES
//   --dev                  development mode (next dev, hot reload)
//   --port N, --hostname H override the two variables
import { createServer } from "node:http";
import next from "next";
import { serveOptions } from "./support/serve-options";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress, type TrustedProxies } from "../lib/http/client-address";

const { dev, port, hostname } = serveOptions(process.argv.slice(2), process.env);

let proxies: TrustedProxies;
try {
  proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`Amply cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const app = next({ dev, hostname: hostname ?? "localhost", port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
  void handle(request, response);
});
if (dev) {
  // Hot reload talks over WebSockets.
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}
const listening = () => console.log(`> Amply ${dev ? "(development) " : ""}listening on ${hostname ?? "every interface"}, port ${port}`);
if (hostname) server.listen(port, hostname, listening);
else server.listen(port, listening);

let closing = false;
function stop() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
