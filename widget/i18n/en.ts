// The consent widget's English strings, key for key with fr.ts.
import type { WidgetKey } from './fr.ts';

export const en: Record<WidgetKey, string> = {
  'banner.title': 'Your cookie choices',
  'banner.text':
    'We use no non-essential cookie or tracker without your agreement. You can accept, refuse or choose by category, and change your mind at any time.',
  'banner.purposes':
    'With your agreement, we and our {count} partners ({partners}) use cookies and trackers for: {purposes}.',
  'banner.renew.policy':
    'Our privacy policy has changed since your last choice (version {from} → {to}): please choose again.',
  'banner.renew.revision': 'Our cookies have changed since your last choice: please choose again.',
  'banner.renew.expired': 'Your last choice is more than {days} days old: please confirm it.',
  'banner.changes': 'See the changes',
  'banner.policy': 'Privacy policy',
  'gpc.notice':
    'Your browser sends the Global Privacy Control signal: advertising stays refused unless you turn it on yourself.',
  'action.acceptAll': 'Accept all',
  'action.refuseAll': 'Refuse all',
  'action.customise': 'Customize',
};
