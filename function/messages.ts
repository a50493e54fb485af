// Why the function could not take a request, in French (the reference) and English; a table with the same keys in
// both languages (the type of the English one is the French one's keys).
import { fill } from '../shared/fill.ts';

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
    'Le service de demandes n’est pas encore ouvert : la clé de la personne responsable de la protection des renseignements personnels n’a pas encore été créée, et rien ne peut être déposé sans elle. Réessayez plus tard, ou écrivez à cette personne (coordonnées dans la politique de confidentialité).',
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
    'The request service is not open yet: the privacy officer’s key has not been created, and nothing can be filed without it. Try again later, or write to the privacy officer (contact details in the privacy policy).',
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
