// The ALTCHA proof-of-work widget, loaded by the request form once it runs in the browser (never during the build).
import 'altcha/external';
import 'altcha/i18n/fr-ca';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';

declare const $altcha: { algorithms: { set: (name: string, make: () => Worker) => void } };
$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
