import { Gazetteer } from '../claims/actors.js';
import { attributeSentences } from '../claims/attribution.js';
import { documentRelations, type Relation } from '../claims/relations.js';
import { chunkText } from '../corpus/chunker.js';
import type { LoadOptions } from '../corpus/loaders/index.js';
import { prepareDocument } from '../corpus/prepare.js';
import type { DocumentInput } from '../core/documents.js';
import { readAliases } from './create-app.js';

/** What the bot understood of one document: its stored text and its attribution relations. */
export interface AttributedFile { file: string; text: string; relations: Relation[] }

/** The gazetteer with the maintainer aliases of a data folder. */
export function gazetteerFor(dataDir: string): Gazetteer {
  return new Gazetteer(readAliases(dataDir));
}

/** Attributes a document as `corpus add` would store it, without storing anything. */
export function attributeDocument(file: string, input: DocumentInput, gazetteer: Gazetteer): AttributedFile {
  const { doc } = prepareDocument(input);
  const sentences = chunkText(doc.text).flatMap((c) => c.sentences);
  const speaker = doc.speaker ? gazetteer.resolve(doc.speaker) : undefined;
  return { file, text: doc.text, relations: documentRelations(doc.text, attributeSentences(doc.text, sentences, gazetteer, speaker, doc.language)) };
}

/** Loads every file first (a bad one throws its UserError before anything is printed), then attributes each. */
export async function attributeFiles(files: readonly string[], dataDir: string, opts: LoadOptions): Promise<AttributedFile[]> {
  const { loadPath } = await import('../corpus/loaders/index.js');
  const gazetteer = gazetteerFor(dataDir);
  const inputs: [string, DocumentInput][] = [];
  for (const f of files) inputs.push([f, await loadPath(f, opts)]);
  return inputs.map(([f, input]) => attributeDocument(f, input, gazetteer));
}
