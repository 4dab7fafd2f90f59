import { InvalidError } from '../errors/domain-error';

/** Deep enough for every request body and for the payment provider's events; far below what recursion can bear. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a JSON body after counting its nesting in one pass over the text, so that a body of thousands of
 * nested lists is refused before anything (JSON.parse, class-transformer, the validators) recurses into it.
 */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  assertShallow(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidError(`the request body is not valid JSON: ${(error as Error).message}`);
  }
}

function assertShallow(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new InvalidError(`the request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
