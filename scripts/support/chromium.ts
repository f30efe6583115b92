// Debian's Chromium, as the browser tests and the benches launch it: Playwright cannot download its
// own browsers on these machines, and without the background-networking flags Chromium keeps
// trying hosts a closed network refuses.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
