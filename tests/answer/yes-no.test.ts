import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import type { Answer } from '../../core/answer.js';
import { testApp } from '../helpers/app.js';
import { INVENTED } from './invented.js';

let app: AppInternals;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await testApp({ bundled: false }));
  await app.importDocuments(INVENTED);
});
afterAll(async () => cleanup());

const quotes = (a: Answer) => a.citations.map((c) => c.quote).join('\n');
const head = (a: Answer) => a.answer.split('\n')[0]!;

describe('"Did X <stance> it?"', () => {
  it('GIVEN X did not condemn it THEN the answer says so, then quotes what X did say, and no other actor', async () => {
    const a = await app.answer('Did Chile condemn the strike?');
    expect(a.abstained).toBe(false);
    expect(head(a)).toMatch(/no condemnation by Chile/);
    expect(quotes(a)).toMatch(/^Chile urged restraint/);
    expect(quotes(a)).not.toMatch(/Peru|Argentina|Uruguay/);
  });

  it('GIVEN X did condemn it THEN yes, with X\'s own quote', async () => {
    const a = await app.answer('Did Peru condemn the missile strike?');
    expect(head(a)).toMatch(/^Yes: Peru condemned it/);
    expect(quotes(a)).toMatch(/^Peru condemned the missile strike/);
    expect(quotes(a)).not.toMatch(/Argentina|Uruguay/);
  });

  it('GIVEN X says nothing on it THEN it abstains naming X, never quoting another actor', async () => {
    const a = await app.answer('Did Brazil condemn the strike?');
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/no condemnation by Brazil/);
  });
});

describe('"Who <stance> ...?" lists every actor with that stance', () => {
  it('GIVEN condemnations in two documents, one worded "denounced" THEN every condemning actor with its quote', async () => {
    const a = await app.answer('Who condemned the missile strike?');
    for (const name of ['Peru', 'Argentina', 'Uruguay']) expect(a.answer).toMatch(new RegExp(`• ${name} condemned: “${name}`));
    expect(head(a)).not.toMatch(/Chile/);
  });

  it('GIVEN the top passages hold only some of the condemnations (k = 1) THEN the ledger beyond them still gives every actor', async () => {
    const small = await testApp({ bundled: false, env: { RETRIEVAL_K: '1' } });
    try {
      await small.app.importDocuments(INVENTED);
      const a = await small.app.answer('Who condemned the missile strike?');
      for (const name of ['Peru', 'Argentina', 'Uruguay']) expect(a.answer).toMatch(new RegExp(`• ${name} condemned: “${name}`));
    } finally {
      await small.cleanup();
    }
  });
});

describe('conflicting figures and evidence', () => {
  it('GIVEN two figures for the same interceptions THEN both are shown with who gives each', async () => {
    const a = await app.answer('Were all 40 missiles intercepted?');
    expect(quotes(a)).toMatch(/all 40 missiles/);
    expect(quotes(a)).toMatch(/38 missiles were intercepted in all, and 12 over the capital/);
    expect(a.answer).toMatch(/• Estonia's foreign minister: “Estonia's foreign minister said all 40/);
    expect(head(a)).not.toMatch(/^Corroborated/);
  });

  it('GIVEN "How many missiles were intercepted?" THEN every figure is quoted with who gives it', async () => {
    const a = await app.answer('How many missiles were intercepted over Tallinn?');
    expect(head(a)).toMatch(/figures/);
    expect(quotes(a)).toMatch(/all 40 missiles/);
    expect(quotes(a)).toMatch(/38 missiles were intercepted in all/);
  });

  it('GIVEN "How many?" after a question about the interceptions THEN every figure is quoted', async () => {
    const a = await app.answer('How many?', { followUp: { question: 'Were the missiles fired at Tallinn intercepted?' } });
    expect(quotes(a)).toMatch(/all 40 missiles/);
    expect(quotes(a)).toMatch(/38 missiles were intercepted/);
  });

  it('GIVEN a yes/no question on an event the corpus lacks, sharing only its place words THEN no status from other events heads it', async () => {
    const a = await app.answer('Did the port of Valdoria reopen after the storm?');
    expect(a.abstained).toBe(true);
    expect(a.answer).not.toMatch(/^(Disputed|Corroborated|Unverified|Reported)/);
  });

  it('GIVEN "Has X provided any evidence?" THEN the statement that no evidence was provided, and the status of the accusation', async () => {
    const a = await app.answer('Has Norway provided any evidence?');
    expect(quotes(a)).toMatch(/Norway has provided no evidence/);
    expect(a.answer).toMatch(/^Disputed: asserted by Norway, denied by Sweden/m);
    expect(head(a)).not.toMatch(/Corroborated/);
  });
});
