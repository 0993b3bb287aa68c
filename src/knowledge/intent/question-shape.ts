/**
 * What kind of answer a question wants: the steps of a procedure ("how do I …"), an example
 * ("what does it look like"), a list of fields or parameters ("which fields do I need"), or a
 * plain lookup. Retrieval favours sections that can give it; the answer shows the blocks that do.
 */
export type QuestionShape = 'procedure' | 'example' | 'fields' | 'lookup';

const EXAMPLE = /\b(?:look(?:s)? like|example|examples|sample|samples|show me|format of|shape of|what does (?:the |a |an )?\w+(?: \w+)? (?:response|request|payload|body|output) (?:contain|return|have))\b/i;
const PROCEDURE = /^\s*(?:how\s+(?:do|can|should|would|could)\s+(?:i|we|you)|how\s+to|what\s+are\s+the\s+steps|steps\s+to|walk\s+me\s+through)\b/i;

/** Asks for the list itself: "what fields do I need", "which parameters does it take", "required options". */
const FIELDS = /\b(?:(?:which|what)\s+(?:\w+\s+)?(?:fields|parameters|params|arguments|options|properties|attributes|settings|headers)|(?:required|optional|accepted)\s+(?:fields|parameters|params|arguments|options|properties))\b/i;

export function questionShape(question: string): QuestionShape {
  if (EXAMPLE.test(question)) return 'example';
  if (FIELDS.test(question)) return 'fields';
  if (PROCEDURE.test(question)) return 'procedure';
  return 'lookup';
}

