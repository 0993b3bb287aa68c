/**
 * Slack's Block Kit limits (docs.slack.dev/reference/block-kit): what Slack rejects with
 * invalid_blocks. Lengths count characters as Slack does (code points).
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  markdownText: 12000,
  inputLabel: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  plainTextInput: 3000,
} as const;
