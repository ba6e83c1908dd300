import { useState } from 'react';
import { ApiError, errorMessage } from '../api/api-client';

/**
 * Submit state of a form that posts to the API: a busy flag, the overall error message and the
 * per-field errors taken from the problem JSON. `send` resolves with the created resource.
 */
export function useApiForm() {
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function clearErrors() {
    setFormError(undefined);
    setFieldErrors({});
  }

  async function submit<T>(send: () => Promise<T>, onDone: (result: T) => void): Promise<void> {
    setSubmitting(true);
    clearErrors();
    try {
      onDone(await send());
    } catch (error) {
      setFormError(errorMessage(error));
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors());
    } finally {
      // Forms that stay on the page after saving (edit) take the next submit.
      setSubmitting(false);
    }
  }

  return { submitting, formError, fieldErrors, clearErrors, submit };
}
