/** Every failure a user can see carries a stable code and a message that says what to do. */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  ConfigFileUnreadable = 'config_file_unreadable',
  UsageError = 'usage_error',
  IndexMissing = 'index_missing',
  IndexCorrupt = 'index_corrupt',
  EmbedderMismatch = 'embedder_mismatch',
  EmbedderFailed = 'embedder_failed',
  SourceNotFound = 'source_not_found',
  PathOutsideRoot = 'path_outside_root',
  ParseFailed = 'parse_failed',
  LlmFailed = 'llm_failed',
  LlmTimeout = 'llm_timeout',
  StoreFailed = 'store_failed',
  /** The database file exists but is empty or damaged: start-up stops rather than recreate it. */
  StoreCorrupt = 'store_corrupt',
  SlackFailed = 'slack_failed',
  Forbidden = 'forbidden',
  InputTooLarge = 'input_too_large',
  UnsupportedFile = 'unsupported_file',
  Internal = 'internal',
}

export class DeskmateError extends Error {
  readonly code: ErrorCode;
  /** Safe to show to a user: never contains secrets or stack traces. */
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = 'DeskmateError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isDeskmateError(err: unknown): err is DeskmateError {
  return err instanceof DeskmateError;
}

/** The message to show a person for any thrown value, without leaking internals. */
export function userMessageOf(err: unknown): string {
  if (isDeskmateError(err)) return err.userMessage;
  return 'Something went wrong inside Deskmate; the details are in its log.';
}
