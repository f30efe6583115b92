"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A manage-page form: its state, and the request id it sends. The id names one change, so a form
 * sent twice before it is answered is one change at Stripe. Every answer gives the form a new id, so
 * the next submission is a new change (after an error too: what the donor corrects is sent as asked).
 */
export function useGiftForm(action: Action, initialRequestId: string) {
  const [state, run, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    return { ...result, data: { ...result.data, nextRequestId: crypto.randomUUID() } };
  }, {});
  const router = useRouter();
  // Show the gift as Stripe now has it (the page reads it again).
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return { state, run, pending, requestId: state.data?.nextRequestId ?? initialRequestId };
}
