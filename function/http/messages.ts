// Why the function could not take a request, in French (the reference) and English; a table with the same keys in
// both languages (the type of the English one is the French one's keys).
import { fill } from '../../shared/fill.ts';

const problemsFr = {
  origin: 'Cette demande ne vient pas d’un site autorisé à envoyer des demandes ici.',
  'too-large':
    'Ce qui a été envoyé dépasse la taille permise (32 Ko). Raccourcissez la description, puis envoyez de nouveau.',
  'unsupported-media-type': 'Ce qui a été envoyé n’est pas un formulaire en UTF-8 (ni du JSON) : rien n’a été déposé.',
  malformed: 'Le formulaire n’a pas pu être lu : rien n’a été déposé. Revenez au formulaire et envoyez-le de nouveau.',
  'rate-limited':
    'Trop de demandes ont été envoyées depuis votre connexion ces dernières minutes. Réessayez dans {minutes} min. Vos réponses sont conservées dans le formulaire (bouton Précédent).',
  'idempotency-mismatch':
    'Cet envoi réutilise l’identifiant d’une autre demande déjà reçue, avec un contenu différent : rien n’a été déposé. Rechargez le formulaire, puis envoyez-le de nouveau.',
  'idempotency-owner':
    'Cette demande a déjà été reçue, depuis une autre connexion. Par sécurité, son adresse de suivi n’est remise qu’à la connexion qui l’a envoyée.',
  busy: 'Le service est momentanément occupé : rien n’a été déposé. Réessayez dans quelques secondes.',
  unavailable:
    'Le service ne peut pas enregistrer de demande pour le moment : rien n’a été déposé. Réessayez plus tard.',
  'not-open':
    'Le service de demandes n’est pas encore ouvert : la clé de secours de l’organisation n’a pas encore été configurée, et rien ne peut être scellé sans elle. Réessayez plus tard, ou écrivez à la personne responsable de la protection des renseignements personnels (coordonnées dans la politique de confidentialité).',
  full: 'Le service ne peut pas enregistrer de demande pour le moment (espace de stockage plein) : rien n’a été déposé. Réessayez plus tard.',
  server: 'Une erreur s’est produite de notre côté : rien n’a été déposé. Réessayez plus tard.',
  'not-found': 'Aucune demande ne correspond à cette référence et à ce jeton.',
  'no-route': 'Cette adresse n’existe pas.',
  'receipt.invalid': 'Ce n’est pas un reçu de consentement.',
};

const problemsEn: Record<keyof typeof problemsFr, string> = {
  origin: 'This request does not come from a site allowed to send requests here.',
  'too-large': 'What was sent is larger than allowed (32 KB). Shorten the description, then send it again.',
  'unsupported-media-type': 'What was sent is not a UTF-8 form (nor JSON): nothing was filed.',
  malformed: 'The form could not be read: nothing was filed. Go back to the form and send it again.',
  'rate-limited':
    'Too many requests were sent from your connection in the last few minutes. Try again in {minutes} min. Your answers are kept in the form (Back button).',
  'idempotency-mismatch':
    'This submission reuses the identifier of another request already received, with different content: nothing was filed. Reload the form, then send it again.',
  'idempotency-owner':
    'This request was already received, from another connection. For safety, its status address is given only to the connection that sent it.',
  busy: 'The service is busy for a moment: nothing was filed. Try again in a few seconds.',
  unavailable: 'The service cannot record requests right now: nothing was filed. Try again later.',
  'not-open':
    'The request service is not open yet: the organisation’s recovery key has not been configured, and nothing can be sealed without it. Try again later, or write to the privacy officer (contact details in the privacy policy).',
  full: 'The service cannot record requests right now (storage is full): nothing was filed. Try again later.',
  server: 'Something went wrong on our side: nothing was filed. Try again later.',
  'not-found': 'No request matches this reference and token.',
  'no-route': 'This address does not exist.',
  'receipt.invalid': 'This is not a consent receipt.',
};

export type Problem = keyof typeof problemsFr;
export const problems = { fr: problemsFr, en: problemsEn };

/** What a problem means in the person's language, with its placeholders filled in. */
export const problemText = (problem: Problem, lang: 'fr' | 'en', values?: Record<string, string | number>) =>
  fill(problems[lang][problem], values);

/**
 * Why the officer API refused, in the officer's language: the same shape as every other answer, `{ error, message }`.
 */
const officerFr = {
  forbidden: 'Cette action ne vient pas de la page de l’espace des responsables : elle est refusée.',
  'rate-limited':
    'Trop de tentatives depuis votre connexion, ou de partout à la fois. Réessayez dans quelques minutes.',
  invitation: 'Ce code d’invitation n’est pas valable : il a peut-être expiré ou déjà servi.',
  passkey: 'La clé d’accès n’a pas pu être enregistrée. Réessayez.',
  signin: 'La connexion n’a pas abouti.',
  'signed-out': 'Votre session a pris fin. Connectez-vous de nouveau.',
  confirm: 'Cette action demande de présenter de nouveau votre clé d’accès.',
  'confirm-failed': 'La confirmation par clé d’accès n’a pas abouti : rien n’a été fait.',
  malformed: 'Ce qui a été envoyé n’a pas pu être lu : rien n’a changé.',
  'key-exists': 'Cette clé est déjà en service.',
  'too-many-keys': 'Vous avez déjà cinq clés en service : retirez-en une avant d’en ajouter une autre.',
  'readers-changed': 'Les clés en service ont changé entre-temps : relancez le rescellement.',
  'last-officer': 'C’est la dernière personne responsable active : sans elle, plus personne ne pourrait se connecter.',
  officer: 'Cette personne n’a plus d’accès, ou n’existe pas.',
  name: "Ce nom n’est pas accepté : lettres, chiffres, espaces et . _ @ ' - seulement.",
  retention: 'Ces demandes ne peuvent pas encore être supprimées (politique, §10).',
  'not-failed': 'Ce courriel n’est pas en échec : il n’y a rien à renvoyer.',
  'not-found': 'Aucune demande ne porte cette référence.',
  conflict: 'Cette demande a changé entre-temps : rien n’a été modifié. Voyez-la de nouveau.',
  transition: 'Cette demande ne peut pas passer à cet état depuis celui où elle est.',
  input: 'Ce qui a été envoyé n’est pas accepté : rien n’a changé.',
  unauthorized: 'Le jeton d’administration est absent ou n’est pas le bon.',
};
const officerEn: Record<keyof typeof officerFr, string> = {
  forbidden: 'This action does not come from the officers’ page: it is refused.',
  'rate-limited': 'Too many attempts from your connection, or from everywhere at once. Try again in a few minutes.',
  invitation: 'This invitation code is not valid: it may have expired or been used already.',
  passkey: 'The passkey could not be recorded. Try again.',
  signin: 'Sign-in did not succeed.',
  'signed-out': 'Your session has ended. Sign in again.',
  confirm: 'This action needs your passkey again.',
  'confirm-failed': 'The passkey confirmation did not succeed: nothing was done.',
  malformed: 'What was sent could not be read: nothing changed.',
  'key-exists': 'This key is already in service.',
  'too-many-keys': 'You already have five keys in service: remove one before adding another.',
  'readers-changed': 'The keys in service changed meanwhile: run the re-wrap again.',
  'last-officer': 'This is the last active officer: without them, nobody could sign in any more.',
  officer: 'This person no longer has access, or does not exist.',
  name: "This name is not accepted: letters, digits, spaces and . _ @ ' - only.",
  retention: 'These requests cannot be deleted yet (policy, §10).',
  'not-failed': 'This e-mail has not failed: there is nothing to send again.',
  'not-found': 'No request has this reference.',
  conflict: 'This request changed meanwhile: nothing was changed. Look at it again.',
  transition: 'This request cannot go to that state from the one it is in.',
  input: 'What was sent is not accepted: nothing changed.',
  unauthorized: 'The admin token is missing or is not the right one.',
};
export type OfficerProblem = keyof typeof officerFr;
export const officerProblems = { fr: officerFr, en: officerEn };
