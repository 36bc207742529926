import { defineMessages } from "../define";

/** The Matrix tab's messages (keys "matrix.…"). */
export const matrixMessages = defineMessages({}, {});
