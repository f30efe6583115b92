// `npm run test:contract` setup: refuses anything but a test-mode key before any test runs, and says
// once, at the start and again at the end, which Stripe the contract tests ran against.
import { chosenTarget } from "./harness";

export default function announce() {
  const target = chosenTarget();
  const line =
    target.kind === "stripe"
      ? `[contract] against Stripe's test mode, connected account ${target.account}`
      : "[contract] against the offline Stripe sandbox, NOT Stripe: set STRIPE_SECRET_KEY=sk_test_... and STRIPE_TEST_ACCOUNT=acct_... to run them against Stripe's test mode";
  console.info(line);
  // The test files (in worker processes started after this) then stay quiet about it.
  process.env.AMPLY_CONTRACT_ANNOUNCED = "1";
  return () => console.info(line.replace("[contract] against", "[contract] ran against"));
}
