import { defineMessages } from "../define";

/** The Plan tab's messages (keys "plan.…"). */
export const planMessages = defineMessages({}, {});
