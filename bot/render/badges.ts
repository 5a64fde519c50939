import type { ClaimStatus } from '../../core/answer.js';

/** The badge shown for each claim status. */
export const BADGES: Readonly<Record<ClaimStatus, string>> = {
  verified: '🟢 verified',
  corroborated: '🔵 corroborated',
  reported: '⚪ reported',
  unverified: '🟡 unverified',
  disputed: '🔴 disputed',
  refuted: '⚫ refuted',
};

const COLOURS: Readonly<Record<ClaimStatus, number>> = {
  verified: 0x2ecc71,
  corroborated: 0x3498db,
  reported: 0x95a5a6,
  unverified: 0xf1c40f,
  disputed: 0xe74c3c,
  refuted: 0x2c2f33,
};

const SEVERITY: readonly ClaimStatus[] = ['refuted', 'disputed', 'unverified', 'reported', 'corroborated', 'verified'];

/** Neutral embed colour (no claims). */
export const NEUTRAL_COLOUR = 0x5865f2;

/** The badge for a status. */
export function badge(status: ClaimStatus): string {
  return BADGES[status] ?? `❔ ${String(status)}`;
}

/** The embed colour of the most doubtful status among the claims. */
export function colourFor(statuses: readonly ClaimStatus[]): number {
  const s = mostDoubtful(statuses);
  return s ? COLOURS[s] : NEUTRAL_COLOUR;
}

/** The most doubtful of some statuses (refuted first, verified last), or undefined for none. */
export function mostDoubtful(statuses: readonly ClaimStatus[]): ClaimStatus | undefined {
  return SEVERITY.find((s) => statuses.includes(s));
}
