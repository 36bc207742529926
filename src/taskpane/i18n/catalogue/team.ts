import { defineMessages } from "../define";

/** The Team tab's messages (keys "team.…"). */
export const teamMessages = defineMessages({}, {});
