import type { Namespace } from "./messages";
import { translator } from "./translator";

export const dashboardText = <N extends Namespace>(namespace: N) => translator("en", namespace);
