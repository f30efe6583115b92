/** Time spent waiting on Stripe, so a route can report Amply's own time (Server-Timing). */
export class StripeClock {
  waitedMs = 0;
  async time<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.waitedMs += performance.now() - started;
    }
  }
}
