import type { DocumentInput } from '../../core/documents.js';

/**
 * Invented documents for the answer tests (written for these tests; no real event). Real country names
 * are used as actors so that the gazetteer resolves them; the events, places and figures are made up.
 */
export const INVENTED: DocumentInput[] = [
  {
    meta: { id: 'port-strike', title: 'Missile strike on the port of Valdoria draws condemnation', kind: 'news report', publisher: 'Harbour Times', published: '2026-03-02' },
    origin: 'port-strike',
    text: [
      'Peru condemned the missile strike on the port of Valdoria, calling it a grave violation of international law.',
      'Chile urged restraint and called for an independent investigation into the missile strike on the port of Valdoria.',
      'Argentina denounced the missile strike on the port of Valdoria in a statement on Monday.',
      'Norway accused Sweden of launching the missile strike on the port of Valdoria.',
      'Sweden denied launching the missile strike on the port of Valdoria, calling the accusation baseless.',
    ].join(' '),
  },
  {
    meta: { id: 'port-strike-later', title: 'Valdoria port strike: more reactions', kind: 'news report', publisher: 'Coastal Daily', published: '2026-03-04' },
    origin: 'port-strike-later',
    text: [
      'Uruguay condemned the missile strike on the port of Valdoria and demanded compensation for the victims.',
      'Swedish officials said Norway has provided no evidence that Sweden launched the missile strike on the port of Valdoria.',
    ].join(' '),
  },
  {
    meta: { id: 'bridge', title: 'Bridge damaged overnight', kind: 'news report', publisher: 'River Post', published: '2026-03-05' },
    origin: 'bridge',
    text: 'Denmark said unmanned aerial vehicles damaged the Orsund bridge overnight. Traffic resumed in the afternoon.',
  },
  {
    meta: { id: 'fisheries', title: 'Fisheries talks to resume', kind: 'news report', publisher: 'Harbour Times', published: '2026-03-01' },
    origin: 'fisheries',
    text: 'Diplomats stress that talks on fishing quotas will resume next week in Geneva.',
  },
  {
    meta: { id: 'missile-figures', title: 'Interceptions over Tallinn disputed', kind: 'news report', publisher: 'Baltic Wire', published: '2026-02-10' },
    origin: 'missile-figures',
    text: [
      "Estonia's foreign minister said all 40 missiles fired at Tallinn were intercepted.",
      "Estonia's defence ministry said 38 missiles were intercepted in all, and 12 over the capital.",
      'The weather in Tallinn was cold and clear on Sunday.',
    ].join(' '),
  },
];
