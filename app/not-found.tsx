import { NotFoundMessage } from "@/components/not-found-message";

// An address that matches no route renders in the root layout alone: this page brings its own main.
// Inside a layout that has one, the route groups' own not-found pages are used instead.
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
