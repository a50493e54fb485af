// The English strings of a blocked embed's placeholder, key for key with fr-gate.ts.
import type { GateKey } from './fr-gate.ts';

export const enGate: Record<GateKey, string> = {
  'gate.text':
    'This content from {provider} sets cookies of the “{category}” category. It loads only with your agreement.',
  'gate.load': 'Load this content',
  'gate.allow': 'Always allow: {category}',
  'gate.which': ' (“{name}”)',
};
