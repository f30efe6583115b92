// `npm run sandbox`: the Stripe sandbox on its own, e.g. to point another Amply process at it.
//   SANDBOX_PORT (default 12111), SANDBOX_WEBHOOK_URL, SANDBOX_REDIRECT_URIS (comma-separated),
//   SANDBOX_STATE_FILE (keep accounts between runs), SANDBOX_LATENCY_MS (how long each API request
//   takes, as on Stripe; a second request with an Idempotency-Key still executing then gets 409),
//   SANDBOX_CAPTURE_DELAY_MS (how long after a payment its balance transaction is booked; default 300).
import { startSandbox } from "./server";

const sandbox = await startSandbox({
  port: Number(process.env.SANDBOX_PORT ?? 12111),
  webhookUrl: process.env.SANDBOX_WEBHOOK_URL,
  redirectUris: (process.env.SANDBOX_REDIRECT_URIS ?? "").split(",").filter(Boolean),
  stateFile: process.env.SANDBOX_STATE_FILE,
  latencyMs: Number(process.env.SANDBOX_LATENCY_MS ?? 0),
  captureDelayMs: process.env.SANDBOX_CAPTURE_DELAY_MS ? Number(process.env.SANDBOX_CAPTURE_DELAY_MS) : undefined,
});
console.log("Point Amply at it with:");
for (const [key, value] of Object.entries(sandbox.env)) console.log(`  ${key}=${value}`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
