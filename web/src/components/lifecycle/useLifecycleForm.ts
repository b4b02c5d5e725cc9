import { useCallback, useMemo, useState } from 'react';
import type { LifecycleSetup, LifecycleStep } from '../../api/lifecycle.types.ts';
import {
  applySwitch,
  changedSetup,
  toFormValues,
  type IntervalKey,
  type LifecycleFormValues,
  type SetupErrors,
  type SignatureKey,
  type SwitchKey,
} from '../../lib/lifecycle.ts';

/** The set-up form's state: what is typed, what differs from `saved`, and the refusals per field. */
export function useLifecycleForm(saved: LifecycleSetup) {
  const [values, setValues] = useState<LifecycleFormValues>(() => toFormValues(saved));
  const [errors, setErrors] = useState<SetupErrors>({});

  const clear = useCallback((...fields: string[]) => {
    setErrors((e) =>
      fields.some((f) => e[f]) ? { ...e, ...Object.fromEntries(fields.map((f) => [f, undefined])) } : e,
    );
  }, []);

  const change = useMemo(() => changedSetup(values, saved), [values, saved]);

  return {
    values,
    errors,
    setErrors,
    change,
    dirty: Object.keys(change).length > 0,
    /** Starts again from this set-up (after a save, or to cancel). */
    reset: (to: LifecycleSetup) => {
      setValues(toFormValues(to));
      setErrors({});
    },
    setSignature: (key: SignatureKey, value: string) => {
      setValues((v) => ({ ...v, signature: { ...v.signature, [key]: value } }));
      clear(`signature.${key}`);
    },
    setInterval: (key: IntervalKey, value: number | string) => {
      setValues((v) => ({ ...v, intervals: { ...v.intervals, [key]: value } }));
      // Dead is judged against Inactive, Reminder 2 against Reminder 1.
      clear(`intervals.${key}`, 'intervals.deadDays', 'intervals.reminder2Days');
    },
    setRunTime: (value: string) => {
      setValues((v) => ({ ...v, runTime: value }));
      clear('runTime');
    },
    setSwitch: (key: SwitchKey, checked: boolean) => {
      setValues((v) => ({ ...v, ...applySwitch(v, key, checked) }));
      // Switching off makes the signature's problems moot.
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('signature.'))));
    },
    setMarketing: (step: LifecycleStep, on: boolean) =>
      setValues((v) => ({
        ...v,
        marketingSteps: on
          ? [...v.marketingSteps.filter((s) => s !== step), step]
          : v.marketingSteps.filter((s) => s !== step),
      })),
  };
}

export type LifecycleFormState = ReturnType<typeof useLifecycleForm>;
