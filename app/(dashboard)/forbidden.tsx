import { ForbiddenMessage } from "@/components/forbidden-message";

// Shown inside this group's layout, which already holds the page's one main landmark.
export default function Forbidden() {
  return <ForbiddenMessage />;
}
