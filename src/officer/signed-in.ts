// What the inbox shows once the officer is signed in, in a chunk of its own: the device's key and its store, the
// re-wrap, one request opened and the other sections. The sign-in page loads none of it (nor the sealing it brings).
export { OfficerKey } from './OfficerKey.tsx';
export { storedKeys } from './officer-key.ts';
export { Rewrap } from './OfficerRewrap.tsx';
export { OfficerRequest } from './OfficerRequest.tsx';
export { AuditView, ConsentView, MailView, OfficersView, RetentionView, ScanView } from './OfficerViews.tsx';
