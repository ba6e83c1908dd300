import type { FieldErrors, FieldValues } from 'react-hook-form';

/** react-hook-form's nested errors as `path → message` (`schedule.every`), the shape errorFor reads. */
export function flatErrors<T extends FieldValues>(errors: FieldErrors<T>): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const { message } = node as { message?: unknown };
    if (typeof message === 'string' && path.length > 0) flat[path.join('.')] ??= message;
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'message' && key !== 'type' && key !== 'ref' && key !== 'types') walk(child, [...path, key]);
    }
  };
  walk(errors, []);
  return flat;
}
