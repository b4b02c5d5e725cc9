import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import type { StoreSettings } from '../../api/store-settings.ts';
import {
  changedSettings,
  toFormValues,
  type FieldErrors,
  type NumberKey,
  type SettingKey,
  type SettingsFormValues,
} from '../../lib/store-settings-form.ts';

type TextKey = Exclude<SettingKey, NumberKey | 'bodyShopAutoOff'>;

/** The settings form's state: what is typed, what differs from `saved`, and the server's refusals per field. */
export function useStoreSettingsForm(saved: StoreSettings) {
  const [values, setValues] = useState<SettingsFormValues>(() => toFormValues(saved));
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends SettingKey>(key: K, value: SettingsFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
  }, []);

  const change = useMemo(() => changedSettings(values, saved), [values, saved]);

  return {
    values,
    errors,
    setErrors,
    change,
    dirty: Object.keys(change).length > 0,
    set,
    /** Starts again from these settings (after a save, or to cancel). */
    reset: (to: StoreSettings) => {
      setValues(toFormValues(to));
      setErrors({});
    },
    /** Props for a TextInput. */
    text: (key: TextKey) => ({
      value: values[key],
      error: errors[key],
      onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    }),
    /** Props for a NumberInput. */
    number: (key: NumberKey) => ({
      value: values[key],
      error: errors[key],
      onChange: (v: number | string) => set(key, v),
    }),
  };
}

export type StoreSettingsFormState = ReturnType<typeof useStoreSettingsForm>;
