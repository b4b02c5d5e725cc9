import type { InboundKeyword } from '../../db/schema.ts';

// Carrier and CTIA keywords (and their French forms, CRTC practice in Quebec).
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'ARRET', 'ARRÊT']);
const START = new Set(['START', 'UNSTOP', 'YES', 'SUBSCRIBE', 'DEBUT', 'DÉBUT']);
const HELP = new Set(['HELP', 'INFO', 'AIDE']);

/**
 * What an inbound text asks for. Only a message that is the keyword alone counts ("Stop!" is a
 * STOP; "Can you stop by at 5?" is a message), as carriers read them.
 */
export function classifyInbound(body: string): InboundKeyword {
  const word = body
    .trim()
    .replace(/[\s.!?]+$/u, '')
    .replace(/^[\s"']+|[\s"']+$/gu, '')
    .toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (HELP.has(word)) return 'help';
  return 'message';
}
