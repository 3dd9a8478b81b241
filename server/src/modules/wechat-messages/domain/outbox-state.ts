/**
 * Outbox row states:
 *
 *   PENDING ──claim──▶ SENDING ──ok──▶ SENT
 *      ▲                  │ ├──43101 / permanent error──▶ FAILED
 *      └──retry (backoff)─┘ └──6th failure──▶ DEAD
 *   SENDING past its lease (a crashed sender) is claimed again like PENDING.
 */
export enum OutboxState {
  Pending = 'PENDING',
  Sending = 'SENDING',
  Sent = 'SENT',
  Failed = 'FAILED',
  Dead = 'DEAD',
}
