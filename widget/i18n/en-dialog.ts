// The preferences dialog's English strings, key for key with fr-dialog.ts.
import type { DialogKey } from './fr-dialog.ts';

export const enDialog: Record<DialogKey, string> = {
  'action.save': 'Save my choices',
  'action.close': 'Close',
  'action.receipt': 'Download my consent receipt',
  'dialog.title': 'Cookie preferences',
  'dialog.intro': 'Choose the categories you accept. Nothing is turned on without your agreement.',
  'dialog.alwaysOn': 'Always on',
  'dialog.services': 'Services and cookies',
  'dialog.current': 'Your choice of {date} (policy {policy}).',
  'table.service': 'Service',
  'table.purpose': 'Purpose',
  'table.cookie': 'Cookie',
  'table.lifetime': 'Lifetime',
  'table.party': 'Set by',
  'table.days': '{days} days',
  'party.first': 'First party',
  'party.third': 'Third party',
};
