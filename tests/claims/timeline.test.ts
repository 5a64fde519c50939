import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInternals } from '../../app/create-app.js';
import { timelineSvg } from '../../app/timeline-chart.js';
import { statusPath, type Timeline } from '../../claims/timeline.js';
import { testApp } from '../helpers/app.js';
import { doc } from '../helpers/deps.js';

// An invented story over three days and three outlets: an allegation, a denial, a reaction.
const DOCS = [
  doc('d1-allegation', 'Chile accused Peru of flying military drones over the Atacama copper mines on Sunday. ' +
    'The Chilean foreign ministry said the drones crossed the border at night.', { published: '2026-03-01', publisher: 'Andes Daily', title: 'Chile accuses Peru over drones' }),
  doc('d2-denial', 'Peru denied flying military drones over the Atacama copper mines. ' +
    'Peru rejected the accusation as a fabrication, its foreign ministry said.', { published: '2026-03-02', publisher: 'Lima Post', title: 'Peru denies drone flights' }),
  doc('d3-reaction', 'Bolivia urged Chile and Peru to exercise restraint over the drone dispute at the Atacama copper mines.',
    { published: '2026-03-03', publisher: 'La Paz Times', title: 'Bolivia urges restraint' }),
];
const text = (id: string) => DOCS.find((d) => d.meta.id === id)!.text;

let t: { app: AppInternals; cleanup: () => Promise<void> };
beforeAll(async () => {
  t = await testApp({ bundled: false });
  // Added out of date order: the timeline orders by date, not by when documents arrived.
  await t.app.importDocuments([DOCS[2]!, DOCS[0]!]);
  await t.app.importDocuments([DOCS[1]!]);
});
afterAll(async () => t.cleanup());

function expectExactQuotes(tl: Timeline): void {
  for (const e of tl.entries) expect(e.quote).toBe(text(e.docId).slice(e.start, e.end));
}

describe('timeline of a story', () => {
  it('GIVEN an allegation, a denial and a reaction on three days THEN entries come in date order with the status after each', async () => {
    const tl = await t.app.timeline({ about: 'drones Atacama' });
    expect(tl.entries.map((e) => [e.date, e.actor, e.stance, e.status])).toEqual([
      ['2026-03-01', 'Chile', 'accuse', 'unverified'],
      ['2026-03-02', 'Peru', 'deny', 'disputed'],
      ['2026-03-03', 'Bolivia', 'appeal', 'disputed'],
    ]);
    expect(statusPath(tl)).toBe('unverified -> disputed');
    expect(tl.entries.map((e) => [e.title, e.publisher])[1]).toEqual(['Peru denies drone flights', 'Lima Post']);
    expectExactQuotes(tl);
  });

  it('GIVEN one claim id THEN its timeline holds that claim, with the status its own statements give it', async () => {
    const chile = (await t.app.timeline({ about: 'drones Atacama' })).entries[0]!;
    const tl = await t.app.timeline({ claim: chile.id });
    expect(tl.entries.map((e) => e.quote)).toEqual(['Chile accused Peru of flying military drones over the Atacama copper mines on Sunday.']);
    expect(tl.entries[0]!.status).toBe('unverified');
  });

  it('GIVEN an actor THEN everything it said, in date order, with exact quotes', async () => {
    const tl = await t.app.timeline({ actor: 'Peruvian' });
    expect(tl.entries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tl.entries.map((e) => e.actor))).toEqual(new Set(['Peru']));
    expect(tl.entries.every((e) => e.status === 'disputed')).toBe(true);
    expectExactQuotes(tl);
  });

  it('GIVEN words nothing in the ledger holds THEN a clear error', async () => {
    await expect(t.app.timeline({ about: 'volcano referendum' })).rejects.toThrow(/Nothing in the claim ledger matches/);
    await expect(t.app.timeline({ claim: 'no-such-claim' })).rejects.toThrow(/No claim with id/);
  });

  it('GIVEN a moderator refutes the allegation THEN the status band ends with the review', async () => {
    const chile = (await t.app.timeline({ about: 'drones Atacama' })).entries[0]!;
    await t.app.reviewClaim({ claimId: chile.id, status: 'refuted', note: 'Satellite images show no drones.', reviewer: 'mo' });
    const tl = await t.app.timeline({ about: 'drones Atacama' });
    expect(statusPath(tl)).toBe('unverified -> disputed -> refuted');
    expect(tl.reviews).toMatchObject([{ status: 'refuted', note: 'Satellite images show no drones.', reviewer: 'mo' }]);
  });
});

describe('timeline picture', () => {
  it('GIVEN a timeline THEN the SVG has one lane per actor, one mark per statement coloured by stance, and the status band', async () => {
    const tl = await t.app.timeline({ about: 'drones Atacama' });
    const svg = await timelineSvg(tl, 'Timeline: drones Atacama');
    const marks = [...svg.matchAll(/<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="point"[^>]* fill="([^"]+)"/g)];
    expect(marks.map((m) => /actor: (\w+)/.exec(m[1]!)![1])).toEqual(['Chile', 'Peru', 'Bolivia']);
    expect(new Set(marks.map((m) => m[2])).size).toBe(3); // three stances, three colours
    const lanes = /class="mark-group role-axis"[\s\S]*?<\/g><\/g><\/g>/g;
    const yLabels = [...svg.matchAll(/<text text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(yLabels).toEqual(expect.arrayContaining(['Chile', 'Peru', 'Bolivia']));
    expect(lanes.test(svg)).toBe(true);
    const band = [...svg.matchAll(/aria-label="from: [^"]*status: (\w+)"[^>]*aria-roledescription="rect mark"/g)].map((m) => m[1]);
    expect(band).toEqual(['unverified', 'disputed', 'refuted']);
    expect(svg).toContain('>Timeline: drones Atacama</text>');
    for (const s of ['accuse', 'deny', 'appeal']) expect(svg).toContain(`>${s}</text>`);
  });
});
