/**
 * Phrase detectors compile their patterns on first use, and the service compiles the rest
 * just after it starts listening (flows/text/phrase-detector.ts). A pattern that does not
 * compile must then still fail here, before a patient's text reaches it.
 */
import { expect, it } from 'vitest';
// Every module that makes a detector, through the front doors the service loads them by.
import '../../../src/flows/index.js';
import '../../../src/flows/understand/index.js';
import { compilePhraseDetectorsInBackground } from '../../../src/flows/text/index.js';

it('every phrase detector the readers make compiles', async () => {
  await expect(compilePhraseDetectorsInBackground()).resolves.toBeUndefined();
});
