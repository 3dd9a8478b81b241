/**
 * C0 control characters and DEL, except tab, line feed and carriage return (text areas send those). A NUL or an
 * escape sequence in a description is never something a resident typed; stored, it breaks exports and terminals.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The paths (`description`, `photoIds.0`, `provider.name`) of every string in a parsed body or query holding a
 * control character, keys included. Iterative, and bodies are depth-bounded at parsing, so any input is safe.
 */
export function controlCharacterFields(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0 && found.length < 20) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (hasControlCharacter(current)) found.push(path || 'body');
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, path ? `${path}.${index}` : String(index)]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = path ? `${path}.${key}` : key;
        if (hasControlCharacter(key)) found.push(itemPath);
        else stack.push([item, itemPath]);
      }
    }
  }
  return found.sort();
}
