import { NotFoundMessage } from "@/components/not-found-message";

// Shown inside this group's layout, which already holds the page's one main landmark.
export default function NotFound() {
  return <NotFoundMessage />;
}
