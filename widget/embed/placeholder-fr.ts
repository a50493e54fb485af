// A blocked embed's placeholder in French: its drawing and its words in one chunk, loaded when a page first has one.
import { words } from '../i18n/gate-fr.ts';
import type { GateSpec } from './frames.ts';
import { drawGate } from './placeholder.ts';

export const renderGate = (spec: GateSpec) => drawGate(spec, words, 'fr');
