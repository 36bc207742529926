import { defineMessages } from "../define";

/** The Pipeline tab's messages (keys "pipeline.…"). */
export const pipelineMessages = defineMessages({}, {});
