import type { DateString } from '../db/schema.ts';

/** A dated fact that names a salesperson: a sold deal, a reassignment or a sales activity. */
export interface SalespersonEvidence {
  salespersonId: number;
  name: string;
  on: DateString;
}

export type SalespersonSource = 'deal' | 'reassignment' | 'activity';

export interface CurrentSalesperson extends SalespersonEvidence {
  source: SalespersonSource;
}

/**
 * The customer's salesperson (dealermine-customer-information, item 9): the one from the most
 * recent of the last sold deal, the last reassignment and the last sales activity. On a prospect
 * file it is always the last activity. On equal dates an explicit reassignment wins, then the deal.
 */
export function currentSalesperson(input: {
  isProspect: boolean;
  lastDeal?: SalespersonEvidence | undefined;
  lastReassignment?: SalespersonEvidence | undefined;
  lastActivity?: SalespersonEvidence | undefined;
}): CurrentSalesperson | undefined {
  if (input.isProspect) return input.lastActivity ? { ...input.lastActivity, source: 'activity' } : undefined;
  // Listed in tie-break order: the first of equally recent candidates is kept.
  const candidates: [SalespersonSource, SalespersonEvidence | undefined][] = [
    ['reassignment', input.lastReassignment],
    ['deal', input.lastDeal],
    ['activity', input.lastActivity],
  ];
  let best: CurrentSalesperson | undefined;
  for (const [source, evidence] of candidates) {
    if (evidence && (!best || evidence.on > best.on)) best = { ...evidence, source };
  }
  return best;
}
