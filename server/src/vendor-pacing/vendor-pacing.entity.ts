import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One vendor budget (preset + credential), shared by every worker, run and load: a vendor's rate
 * limit holds for the whole deployment, not per process.
 */
@Entity({ name: 'vendor_pacing' })
export class VendorPacing {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /**
   * Start times of the budget's most recent requests (at most the limit's `requests`, oldest
   * first; future times are reserved slots). Older ones are trimmed: they can't share a window
   * with any request still to come.
   */
  @Column({ name: 'sent_at', type: 'timestamptz', array: true, default: () => "'{}'" })
  sentAt!: Date[];

  /** Nobody sends before this (a throttle response's Retry-After). */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
