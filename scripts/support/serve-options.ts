import { parseArgs } from "node:util";

export type ServeOptions = { dev: boolean; port: number; hostname: string | undefined };

/**
 * Where Amply's server listens. Production honours PORT and HOSTNAME as `next start` does (every
 * interface unless HOSTNAME says otherwise); development listens on 127.0.0.1 only, because the
 * development mailbox shows every sign-in link: `--hostname 0.0.0.0` opens it up, knowingly.
 */
export function serveOptions(args: string[], env: Record<string, string | undefined>): ServeOptions {
  const { values } = parseArgs({ args, options: { dev: { type: "boolean", default: false }, port: { type: "string" }, hostname: { type: "string" } } });
  const dev = values.dev;
  return {
    dev,
    port: Number(values.port ?? env.PORT ?? 3000),
    hostname: values.hostname ?? (dev ? "127.0.0.1" : env.HOSTNAME || undefined),
  };
}
