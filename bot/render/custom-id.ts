/** Actions of the buttons and modal under an answer. */
export type AnswerAction = 'src' | 'more' | 'up' | 'down' | 'report' | 'watch';

const ACTIONS: readonly AnswerAction[] = ['src', 'more', 'up', 'down', 'report', 'watch'];

/** A decoded button or modal id: `ans:<action>:<key>[:<n>]`. */
export interface AnswerId {
  action: AnswerAction;
  key: string;
  n?: number;
}

/** Encodes a component id (at most ~30 characters, far below Discord's 100). */
export function answerId(action: AnswerAction, key: string, n?: number): string {
  return n === undefined ? `ans:${action}:${key}` : `ans:${action}:${key}:${n}`;
}

/** Decodes a component id; null when it is not one of ours. */
export function parseAnswerId(id: string): AnswerId | null {
  const m = /^ans:([a-z]+):([A-Za-z0-9_-]{1,32})(?::(\d{1,7}))?$/.exec(id);
  if (!m || !ACTIONS.includes(m[1] as AnswerAction)) return null;
  return { action: m[1] as AnswerAction, key: m[2]!, ...(m[3] !== undefined ? { n: Number(m[3]) } : {}) };
}
