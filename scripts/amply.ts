// Runs Amply on a fresh machine with nothing configured:
//
//   npm run dev                 embedded PostgreSQL (unless DATABASE_URL), migrations, demo seed,
//                               the offline Stripe sandbox (unless STRIPE_SECRET_KEY), and Amply in
//                               development mode on 127.0.0.1 only (the development mailbox shows
//                               every sign-in link): `npm run dev -- --hostname 0.0.0.0` to open it up
//   tsx scripts/amply.ts e2e    the same for Playwright, on a fresh database, with a production build
//   tsx scripts/amply.ts prisma <args>
//                               the Prisma CLI against the configured or embedded database
//
// Everything it starts lives in this process (database, sandbox) or is its child (Next.js), and
// stops with it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { startEmbeddedDatabase } from "./support/embedded-database";
import { runPrismaCli } from "./support/prisma-cli";
import { ConfigurationError, parseEnv } from "../lib/env";
import { startSandbox, type RunningSandbox } from "../sandbox/server";
import { createTestDatabase } from "./support/test-database";
import { E2E_DONATION_ATTEMPTS_PER_CLIENT } from "./support/e2e-limits";

const root = path.resolve(import.meta.dirname, "..");
const stateDir = path.join(root, ".amply");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Stoppable = () => Promise<void>;
const cleanups: Stoppable[] = [];
let child: ChildProcess | undefined;

function say(message: string) {
  console.log(`\x1b[36m[amply]\x1b[0m ${message}`);
}

let stopping: Promise<never> | undefined;

function shutdown(code: number): Promise<never> {
  stopping ??= stopEverything(code);
  return stopping;
}

async function stopEverything(code: number): Promise<never> {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** A random secret kept in .amply/ so sessions survive restarts of `npm run dev`. */
function persistentSecret(name: string): string {
  const file = path.join(stateDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

type Options = { mode: "dev" | "e2e"; port: number; sandboxPort: number };

async function prepare({ mode, port, sandboxPort }: Options): Promise<{ env: NodeJS.ProcessEnv; sandbox?: RunningSandbox }> {
  mkdirSync(stateDir, { recursive: true });
  nextEnv.loadEnvConfig(root, mode === "dev");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.APP_URL ||= `http://localhost:${port}`;
  env.AUTH_SECRET ||= mode === "dev" ? persistentSecret("auth-secret") : randomBytes(32).toString("base64url");
  env.AMPLY_WORKER_IN_PROCESS = "1";
  // The browser tests read mail from the development mailbox under a production build.
  if (mode === "e2e") {
    env.AMPLY_E2E = "1";
    env.DONATION_ATTEMPTS_PER_CLIENT ||= String(E2E_DONATION_ATTEMPTS_PER_CLIENT);
  }

  // Database
  if (mode === "e2e") {
    const database = await createTestDatabase("e2e");
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
    if (database.embedded) {
      env.DATABASE_POOL_SIZE = "1";
      env.AMPLY_EMBEDDED_DATABASE = "1";
    }
    say(`fresh ${database.embedded ? "embedded" : "PostgreSQL"} database for this run`);
  } else if (!env.DATABASE_URL) {
    const database = await startEmbeddedDatabase({ dataDir: path.join(stateDir, "pgdata") });
    cleanups.push(database.stop);
    env.DATABASE_URL = database.url;
    env.DATABASE_POOL_SIZE = "1";
    env.AMPLY_EMBEDDED_DATABASE = "1";
    say(`embedded PostgreSQL (PGlite) in .amply/pgdata, served on ${new URL(database.url).host}`);
    say("applying migrations…");
    await runPrismaCli(["migrate", "deploy"], database.url, { embedded: true, quiet: true });
  } else {
    say("applying migrations to DATABASE_URL…");
    await runPrismaCli(["migrate", "deploy"], env.DATABASE_URL, { quiet: true });
  }

  // Stripe
  let sandbox: RunningSandbox | undefined;
  if (!env.STRIPE_SECRET_KEY) {
    const webhookUrl = `${env.APP_URL}/api/webhooks/stripe`;
    const options = {
      webhookUrl,
      redirectUris: [`${env.APP_URL}/api/stripe/connect/callback`],
      stateFile: mode === "dev" ? path.join(stateDir, "stripe-sandbox.json") : undefined,
      retryBaseMs: mode === "e2e" ? 200 : 2_000,
      quiet: true,
    };
    sandbox = await startSandbox({ ...options, port: sandboxPort }).catch(() => startSandbox({ ...options, port: 0 }));
    cleanups.push(sandbox.stop);
    Object.assign(env, sandbox.env);
    say(`Stripe sandbox - no real money - on ${sandbox.url} (webhooks to ${webhookUrl})`);
  } else {
    say("using the Stripe keys from the environment (the sandbox stays off)");
  }

  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      await shutdown(1);
    }
    throw error;
  }

  if (mode === "e2e") {
    // A ready connected account for the donation tests (the demo organisation starts unconnected).
    if (!sandbox) throw new Error("The browser tests run on the Stripe sandbox: unset STRIPE_SECRET_KEY.");
    const account = sandbox.engine.createAccount({ country: "DE", businessName: "Give Test Charity", email: "hello@give-test.example", ready: true });
    // A UK charity's account, for Gift Aid.
    const ukAccount = sandbox.engine.createAccount({ country: "GB", businessName: "Gift Aid Test Charity", email: "hello@gift-aid-test.example", ready: true });
    // A second one for recurring gifts, whose page preselects monthly giving.
    const recurring = sandbox.engine.createAccount({ country: "DE", businessName: "Give Monthly Charity", email: "hello@give-monthly.example", ready: true });
    await run(bin("tsx"), ["--conditions=react-server", "e2e/support/seed.ts"], {
      ...env,
      E2E_STRIPE_ACCOUNT: account.id,
      E2E_STRIPE_ACCOUNT_GB: ukAccount.id,
      E2E_RECURRING_STRIPE_ACCOUNT: recurring.id,
    });
  } else {
    await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], env);
  }
  return { env, sandbox };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    process_.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`))));
  });
}

function serve(command: string, args: string[], env: NodeJS.ProcessEnv) {
  child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => void shutdown(code ?? 0));
}

/** Amply's own server (scripts/serve.ts): it sets the client address that route handlers read. */
const SERVE = ["scripts/serve.ts"];

async function dev(args: string[]) {
  const { values } = parseArgs({ args, options: { hostname: { type: "string", default: "127.0.0.1" } } });
  const port = Number(process.env.PORT ?? 3000);
  const { env } = await prepare({ mode: "dev", port, sandboxPort: Number(process.env.SANDBOX_PORT ?? 12111) });
  say(`Amply on ${env.APP_URL} - sign in as the demo owner from the home page; mail arrives at ${env.APP_URL}/dev/mailbox`);
  if (values.hostname !== "127.0.0.1") say(`listening on ${values.hostname}: anyone who can reach it can read the development mailbox`);
  serve(bin("tsx"), [...SERVE, "--dev", "--port", String(port), "--hostname", values.hostname], { ...env, NODE_ENV: "development" });
}

async function e2e() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const { env, sandbox } = await prepare({ mode: "e2e", port, sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? 12112) });
  writeFileSync(
    path.join(stateDir, "e2e.json"),
    JSON.stringify({ appUrl: env.APP_URL, sandboxUrl: sandbox?.url, sandboxSecretKey: sandbox?.keys.secretKey }, null, 2),
  );
  // E2E_SKIP_BUILD=1 reuses the last build while iterating on tests only.
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    say("building (next build)…");
    await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
  }
  serve(bin("tsx"), [...SERVE, "--port", String(port)], { ...env, NODE_ENV: "production" });
}

async function prisma(args: string[]) {
  nextEnv.loadEnvConfig(root, true);
  let url = process.env.DATABASE_URL;
  let embedded = false;
  if (!url) {
    mkdirSync(stateDir, { recursive: true });
    const database = await startEmbeddedDatabase({ dataDir: path.join(stateDir, "pgdata") });
    cleanups.push(database.stop);
    url = database.url;
    embedded = true;
  }
  const code = await runPrismaCli(args, url, { embedded }).then(
    () => 0,
    () => 1,
  );
  await shutdown(code);
}

const [command = "dev", ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { dev: () => dev(rest), e2e, prisma: () => prisma(rest) };
const selected = commands[command];
if (!selected) {
  console.error(`Unknown command ${command}. Use: dev | e2e | prisma <args>`);
  process.exit(2);
}
selected().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
