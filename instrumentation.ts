// Runs once when the Next.js server starts (see lib/server-start.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/server-start");
    onServerStart();
  }
}
