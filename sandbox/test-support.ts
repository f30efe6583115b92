// What the sandbox's own tests share: a sandbox with a webhook receiver, the real `stripe` SDK
// pointed at it, and its control API. Each test file calls startSandboxForTests() once, at its top.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { SandboxControl } from "./client";
import { startSandbox, type RunningSandbox } from "./server";

export let sandbox: RunningSandbox;
export let control: SandboxControl;
export let stripe: Stripe;
let receiver: Server;
let receiverStatus = 200;
/** Webhook deliveries the receiver got, in order. */
export const received: Array<{ method: string; path: string; body: string; signature: string }> = [];

/** What the webhook receiver answers from now on (200 again before each test). */
export function answerWebhooksWith(status: number) {
  receiverStatus = status;
}

export function sdk(key = "sk_test_sandbox_amply") {
  const url = new URL(sandbox.url);
  return new Stripe(key, { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
}

export async function connectedAccount(input: { country?: string; ready?: boolean } = {}) {
  return (await control.createAccount({ country: input.country ?? "DE", business_name: "Test Charity", email: "finance@test.example", ready: input.ready })).id;
}

/** An id field, expanded or not. */
export const idText = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? ""));

export function startSandboxForTests() {
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({ method: req.method ?? "", path: req.url ?? "", body, signature: String(req.headers["stripe-signature"]) });
        // A 3xx sends the client to a sign-in page that answers 200, as a login wall or a
        // trailing-slash rewrite in front of the route would.
        if (req.url === "/login") return res.writeHead(200, { "Content-Type": "text/html" }).end("<h1>Sign in</h1>");
        res.writeHead(receiverStatus, receiverStatus >= 300 && receiverStatus < 400 ? { Location: "/login" } : {}).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as AddressInfo).port;
    sandbox = await startSandbox({
      webhookUrl: `http://127.0.0.1:${port}/hook`,
      redirectUris: ["http://localhost:3000/api/stripe/connect/callback"],
      retryBaseMs: 20,
      quiet: true,
    });
    control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
    stripe = sdk();
  });

  afterAll(async () => {
    await sandbox.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  beforeEach(() => {
    receiverStatus = 200;
  });
}
