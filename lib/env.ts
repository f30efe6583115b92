// Amply's configuration: every environment variable it reads, validated once with zod (t3-env).
// A missing or malformed value stops the app with a message naming the variable; nothing falls
// back to the string "undefined".
//
// Stripe has two modes. With STRIPE_SECRET_KEY set, every Stripe setting must be given. Without it,
// `npm run dev` (scripts/amply.ts) starts the offline Stripe sandbox and supplies all of them, so by
// the time the app reads its configuration both modes look the same: the switch is configuration.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";

const commaList = (pattern: RegExp, example: string, required: string) =>
  z
    .string({ error: required })
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, `each entry must look like ${example}`)).min(1, "give at least one value"));

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

export const serverSchema = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (npm run dev starts an embedded database when it is not set)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  /** Connections per process. The embedded database takes exactly one (scripts/support/embedded-database.ts). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Set by `npm run dev` on the embedded database: one session shared by every client. */
  AMPLY_EMBEDDED_DATABASE: booleanFlag,
  APP_URL: z.url({ error: "must be the absolute URL Amply is served at, e.g. http://localhost:3000" }),
  AUTH_SECRET: z
    .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
    .min(32, "must be at least 32 characters (openssl rand -base64 32)")
    .refine((secret) => new Set(secret).size >= 10, "must use at least 10 different characters: it signs sessions and links (openssl rand -base64 32)"),
  /** Which proxies' X-Forwarded-For to believe: a hop count or addresses/CIDR ranges (README, Security). */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message.replace(/^TRUSTED_PROXIES: /, "") : String(error) });
      }
    }),

  STRIPE_SECRET_KEY: z
    .string({ error: "is required (npm run dev uses the offline Stripe sandbox when it is not set)" })
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, "must be a Stripe secret key (sk_test_... or sk_live_...)"),
  STRIPE_CLIENT_ID: z
    .string({ error: "is required: your platform's Connect client id (Dashboard > Connect > Settings)" })
    .regex(/^ca_[A-Za-z0-9_]+$/, "must be a Connect client id (ca_...)"),
  STRIPE_WEBHOOK_SECRETS: commaList(
    /^whsec_[A-Za-z0-9_]+$/,
    "whsec_...",
    "is required: the signing secrets (whsec_...) of your platform and Connect webhook endpoints",
  ).describe("platform and Connect endpoint signing secrets, current and previous, comma-separated"),
  STRIPE_API_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, "must be a host name, e.g. api.stripe.com")
    .optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  STRIPE_CONNECT_AUTHORIZE_URL: z.url().default("https://connect.stripe.com/oauth/authorize"),
  STRIPE_JS_URL: z.url().default("https://js.stripe.com/endive/stripe.js"),

  EMAIL_SERVER: z.url({ error: "must be an SMTP URL, e.g. smtp://user:pass@smtp.example.org:587" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Amply <no-reply@amply.localhost>"),
  /**
   * Set by the browser-test harness (scripts/amply.ts e2e): keeps mail readable at /dev/mailbox under
   * a production build. Refused with live keys or an https APP_URL: it shows every sign-in link.
   */
  AMPLY_E2E: booleanFlag,
  /** Run the outbox and webhook workers inside the app process (the embedded database has one connection). */
  AMPLY_WORKER_IN_PROCESS: booleanFlag,
  /** How long a webhook worker holds an event it claimed before another may take it (docs/stripe.md#webhook-inbox). */
  AMPLY_WEBHOOK_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),

  /** Card-testing protection: new donation attempts one client may make per 10 minutes. */
  DONATION_ATTEMPTS_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(10),

  TURNSTILE_SECRET_KEY: z.string().min(1).optional(),
  TURNSTILE_VERIFY_URL: z.url().default("https://challenges.cloudflare.com/turnstile/v0/siteverify"),
  TURNSTILE_SITE_KEY: z.string().min(1).optional(),
};

export const clientSchema = {
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: z
    .string({ error: "is required: the publishable key that goes with STRIPE_SECRET_KEY" })
    .regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, "must be a Stripe publishable key (pk_test_... or pk_live_...)"),
};

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Amply cannot start: its configuration is incomplete.\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "Set these in the environment or in .env (see README.md, Configuration).",
    );
    this.name = "ConfigurationError";
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = createEnv({
    server: serverSchema,
    clientPrefix: "NEXT_PUBLIC_",
    client: clientSchema,
    runtimeEnv: { ...source },
    isServer: true,
    emptyStringAsUndefined: true,
    createFinalSchema: (shape) =>
      z.object(shape).superRefine((value, ctx) => {
        const live = value.STRIPE_SECRET_KEY.includes("_live_");
        if (live !== value.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY.includes("_live_")) {
          ctx.addIssue({
            code: "custom",
            path: ["NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY"],
            message: "must be in the same mode (test or live) as STRIPE_SECRET_KEY",
          });
        }
        if (value.NODE_ENV === "production" && !value.EMAIL_SERVER && !value.AMPLY_E2E) {
          ctx.addIssue({
            code: "custom",
            path: ["EMAIL_SERVER"],
            message: "is required in production: Amply sends sign-in links and receipts by email",
          });
        }
        if (live && value.AMPLY_E2E) {
          ctx.addIssue({
            code: "custom",
            path: ["AMPLY_E2E"],
            message: "must not be set with live Stripe keys: it shows every email, sign-in links included",
          });
        }
        if (value.AMPLY_E2E && value.APP_URL.startsWith("https:")) {
          ctx.addIssue({
            code: "custom",
            path: ["AMPLY_E2E"],
            message: "must not be set when APP_URL is https: it is for local browser tests only, and shows every sign-in link",
          });
        }
        if (Boolean(value.TURNSTILE_SITE_KEY) !== Boolean(value.TURNSTILE_SECRET_KEY)) {
          ctx.addIssue({
            code: "custom",
            path: [value.TURNSTILE_SITE_KEY ? "TURNSTILE_SECRET_KEY" : "TURNSTILE_SITE_KEY"],
            message: "is required when the other Turnstile key is set",
          });
        }
      }),
    onValidationError: (issues) => {
      throw new ConfigurationError(
        issues.map((issue) => {
          const name = issue.path?.map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") ?? "?";
          return `${name} ${issue.message}`;
        }),
      );
    },
  });
  return {
    ...parsed,
    /** Stripe calls go to the offline sandbox (its keys carry this marker). */
    stripeSandbox: parsed.STRIPE_SECRET_KEY.startsWith("sk_test_sandbox"),
    /**
     * The sandbox's console (its root page), for the sandbox banner: at the origin browsers already
     * load the sandbox's Stripe.js from, so a donor's browser reaches it too. Null with real Stripe.
     */
    sandboxConsoleUrl: parsed.STRIPE_SECRET_KEY.startsWith("sk_test_sandbox") ? new URL("/", parsed.STRIPE_JS_URL).href : null,
    stripeLivemode: parsed.STRIPE_SECRET_KEY.includes("_live_"),
    /** Mail kept at /dev/mailbox instead of sent: only in development or under the browser tests. */
    devMailbox: !parsed.EMAIL_SERVER && (parsed.NODE_ENV === "development" || parsed.AMPLY_E2E),
    /** Cookies get `Secure` and responses HSTS whenever Amply is served over https. */
    secureCookies: parsed.APP_URL.startsWith("https:"),
  };
}

export type Env = ReturnType<typeof parseEnv>;

let cached: Env | undefined;

/** The validated configuration, parsed on first use (so `next build` needs none of it). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
