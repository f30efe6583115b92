/** The client's address as the proxy in front of Amply reports it (x-forwarded-for), or null. */
export function clientAddress(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}
