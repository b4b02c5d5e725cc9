/**
 * Mirrors of the two-way texts API's shapes (src/inbox/inbox.routes.ts).
 * /api/openapi.json is the reference when they disagree.
 */

/** GET /api/stores/:storeId/inbox: one customer's thread, the latest inbound first. */
export interface TextThreadSummary {
  customerId: number;
  customerName: string;
  number: string | null;
  lastInboundAt: string;
  lastBody: string;
  unread: number;
  assignedTo: { id: number; name: string } | null;
}

/** One text either way; outbound ones carry their outbox status and who sent them. */
export interface TextMessage {
  direction: 'in' | 'out';
  id: number;
  body: string;
  at: string;
  status: string | null;
  by: string | null;
}

/** GET /api/customers/:id/texts (reading marks the thread read). */
export interface TextThread {
  customerId: number;
  customerName: string;
  messages: TextMessage[];
}

/** POST /api/customers/:id/texts/reply → 201. */
export interface TextReplyResult {
  messageId: number;
  status: string;
  purpose: 'service' | 'marketing';
}
