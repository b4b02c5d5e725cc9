/** React-query keys for everything cached about one customer, in one place so any mutation can refresh the rest. */
export const customerKey = (id: number) => ['customers', 'profile', id] as const;
export const contactabilityKey = (id: number) => ['customers', 'contactability', id] as const;
export const consentKey = (id: number) => ['customers', 'consent', id] as const;
