import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The next free request slot per vendor budget (preset + credential), shared by every worker:
 * a vendor's rate limit holds for the whole deployment, not per process.
 */
@Entity({ name: 'vendor_pacing' })
export class VendorPacing {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** The first instant the next request may start. */
  @Column({ name: 'next_at', type: 'timestamptz' })
  nextAt!: Date;

  /** Nobody sends before this (a throttle response's Retry-After). */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
