import { ForbiddenMessage } from "@/components/forbidden-message";

// Outside any layout with a main landmark this page brings its own; the dashboard has its own
// forbidden page, shown inside its layout's main.
export default function Forbidden() {
  return (
    <main id="main">
      <ForbiddenMessage />
    </main>
  );
}
