// Test helper: the view inside the real core, as embed/index.ts hands it over.
import type { ComponentChildren } from 'preact';
import * as consent from '../core/consent.ts';
import { receiptFileName, receiptOf } from '../core/receipt.ts';
import { Core } from './core.ts';

export const core = { ...consent, receiptOf, receiptFileName };
export const WithCore = ({ children }: { children: ComponentChildren }) => (
  <Core.Provider value={core}>{children}</Core.Provider>
);
