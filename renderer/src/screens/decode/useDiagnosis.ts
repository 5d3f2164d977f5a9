/** Asks main's doctor about the token for the panel's context, once typing pauses. */
import { useEffect, useState } from 'react';
import type { DiagnoseContext, DiagnosisJson } from '../../../../shared/contract/doctor.js';
import { call, errorMessage } from '../../api.js';

const DEBOUNCE_MS = 300;

export function useDiagnosis(token: string, context: DiagnoseContext | undefined) {
  // Kept with the token it is about, so another token's findings are never shown for this one.
  const [answer, setAnswer] = useState<{ token: string; diagnosis: DiagnosisJson } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const key = context === undefined ? undefined : JSON.stringify(context);
  useEffect(() => {
    if (key === undefined || token === '') {
      setFailure(undefined);
      return undefined;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      call('token:diagnose', { token, context: JSON.parse(key) as DiagnoseContext }).then(
        (value) => {
          if (!current) return;
          setAnswer({ token, diagnosis: value });
          setFailure(undefined);
        },
        (error: unknown) => {
          if (current) setFailure(errorMessage(error));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [token, key]);
  return { diagnosis: answer?.token === token ? answer.diagnosis : undefined, failure };
}
