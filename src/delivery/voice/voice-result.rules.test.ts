import { describe, expect, it } from 'vitest';
import { outboxOutcome, reachabilityOf } from './voice-result.rules.ts';

const phones = { cell_phone: '+14165550001', home_phone: '+14165550002' };

describe('voice drop results', () => {
  it('read as delivered, or failed with the result as the reason', () => {
    expect(outboxOutcome('delivered')).toEqual({ status: 'delivered', reason: null });
    expect(outboxOutcome('busy')).toEqual({ status: 'failed', reason: 'busy' });
    expect(outboxOutcome('impossible')).toEqual({ status: 'failed', reason: 'impossible' });
  });

  it('teach the line the drop went to, and whether a batch or a campaign sent it', () => {
    expect(reachabilityOf('impossible', phones.cell_phone, phones, 'batch')).toEqual({
      line: 'cell_phone',
      outcome: 'impossible',
      source: 'voice_batch',
    });
    expect(reachabilityOf('busy', phones.home_phone, phones, 'campaign')).toEqual({
      line: 'home_phone',
      outcome: 'busy',
      source: 'voice_campaign',
    });
  });

  it('teach nothing for the provider’s own failure or a number no longer on file', () => {
    expect(reachabilityOf('failed', phones.cell_phone, phones, 'batch')).toBeNull();
    expect(reachabilityOf('impossible', '+14165559999', phones, 'batch')).toBeNull();
  });
});
