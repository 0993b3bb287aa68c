/** The calls the ask worker answers: the Asker's answer and its DocsIndex methods. */
export type WorkerOp = 'ask' | 'reload' | 'ready' | 'search' | 'codeExemplars' | 'importUniverse' | 'schema';
