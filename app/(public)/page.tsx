import { connection } from "next/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { DEMO } from "@/lib/organisations/demo";

export default async function HomePage() {
  await connection();
  const env = getEnv();
  // Only where mail stays in the development mailbox (development, browser tests): on a real server
  // the demo owner's address is nobody's business.
  const showDemo = env.devMailbox;
  const demo = showDemo ? await db.organisation.findUnique({ where: { slug: DEMO.slug }, select: { name: true, slug: true } }) : null;

  return (
    <div className="grid gap-10">
      <section className="grid gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Donations that go straight to your organisation</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Amply is an open-source donation platform. Your organisation connects its own Stripe account; donors give on your hosted page by card, SEPA Direct
          Debit, iDEAL, wallets or bank transfer; every gift lands in your Stripe balance with a 0% platform fee, and in a ledger you can reconcile to the cent.
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/signin">Sign in to your dashboard</ButtonLink>
        </div>
      </section>

      {demo ? (
        <Card title="Try it on this machine" description="This development instance comes with a demo organisation.">
          <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-6">
            <dt className="text-slate-600">Demo organisation</dt>
            <dd className="font-medium">{demo.name}</dd>
            <dt className="text-slate-600">Its owner signs in as</dt>
            <dd className="font-mono" data-testid="demo-owner-email">
              {DEMO.ownerEmail}
            </dd>
          </dl>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`/signin?email=${encodeURIComponent(DEMO.ownerEmail)}`}>Sign in as the demo owner</ButtonLink>
            {env.devMailbox ? (
              <ButtonLink href="/dev/mailbox" variant="secondary">
                Open the development mailbox
              </ButtonLink>
            ) : null}
            <ButtonLink href={`/give/${demo.slug}`} variant="secondary">
              See the donation page
            </ButtonLink>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
