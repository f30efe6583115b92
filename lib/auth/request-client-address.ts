import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

/** The client address of the request being handled (set by Amply's server), outside route handlers. */
export async function requestClientAddress(): Promise<string> {
  try {
    return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  } catch {
    // Called outside a request (a script or a test): no client.
    return "unknown";
  }
}
