// What the function says to a person, in French (the reference) and English: what each validation code means
// (shown beside the field and in the error summary), and why a request could not be taken (`problems`).
// Tables with the same keys in both languages: the type of the English one is the French one's keys.
import { fill } from '../shared/fill.ts';

const fieldsFr = {
  'holder.required': 'Indiquez qui détient les renseignements.',
  'holder.cbsa': 'Les renseignements détenus par l’ASFC ne peuvent pas être demandés ici : adressez-vous à l’ASFC (voir ci-dessous).',
  'type.required': 'Choisissez le type de demande.',
  'name.required': 'Indiquez votre nom.',
  'name.long': 'Le nom dépasse 200 caractères.',
  'name.control': 'Le nom contient des caractères invisibles non permis.',
  'email.required': 'Indiquez votre adresse courriel.',
  'email.invalid': 'L’adresse courriel n’est pas valide (exemple : nom@exemple.ca).',
  'email.long': 'L’adresse courriel dépasse 254 caractères.',
  'phone.invalid': 'Le numéro de téléphone n’est pas valide (chiffres, espaces, +, -, parenthèses).',
  'phone.long': 'Le numéro de téléphone dépasse 40 caractères.',
  'fileNumber.invalid': 'Le numéro de dossier ne peut contenir que des lettres, des chiffres, des espaces, « . », « / » et « - ».',
  'fileNumber.long': 'Le numéro de dossier dépasse 40 caractères.',
  'relation.required': 'Indiquez votre lien avec la CITIM.',
  'details.required': 'Décrivez votre demande.',
  'details.short': 'Décrivez votre demande en au moins 10 caractères.',
  'details.long': 'La description dépasse 5 000 caractères.',
  'details.control': 'La description contient des caractères invisibles non permis.',
  'language.required': 'Choisissez la langue de la réponse.',
  'replyFormat.required': 'Choisissez le format de la réponse.',
  'replyFormat.invalid': 'Choisissez un format de réponse de la liste.',
  'capacity.required': 'Indiquez à quel titre vous faites la demande.',
  'acknowledged.required': 'Confirmez avoir lu comment les renseignements de cette demande sont utilisés.',
  'altcha.required': 'La vérification anti-robot n’a pas abouti. Réessayez.',
  'form.invalid': 'Le formulaire n’a pas pu être lu.',
  'name.encoding': 'Le nom contient un caractère incomplet (un demi-caractère d’emoji ou un caractère mal copié) : retapez-le.',
  'name.lines': 'Le nom doit tenir sur une seule ligne.',
  'name.invalid': 'Le nom doit contenir au moins une lettre.',
  'details.encoding': 'La description contient un caractère incomplet (un demi-caractère d’emoji ou un caractère mal copié) : retapez-le.',
  'details.invalid': 'La description doit contenir au moins une lettre.',
  'details.lines': 'La description contient des sauts de ligne non permis.',
};

const fieldsEn: Record<keyof typeof fieldsFr, string> = {
  'holder.required': 'Say who holds the information.',
  'holder.cbsa': 'Information held by the CBSA cannot be requested here: contact the CBSA (see below).',
  'type.required': 'Choose the type of request.',
  'name.required': 'Enter your name.',
  'name.long': 'The name is longer than 200 characters.',
  'name.control': 'The name contains invisible characters that are not allowed.',
  'email.required': 'Enter your email address.',
  'email.invalid': 'The email address is not valid (example: name@example.ca).',
  'email.long': 'The email address is longer than 254 characters.',
  'phone.invalid': 'The phone number is not valid (digits, spaces, +, -, parentheses).',
  'phone.long': 'The phone number is longer than 40 characters.',
  'fileNumber.invalid': 'The file number may contain only letters, digits, spaces, “.”, “/” and “-”.',
  'fileNumber.long': 'The file number is longer than 40 characters.',
  'relation.required': 'Say how you are connected to CITIM.',
  'details.required': 'Describe your request.',
  'details.short': 'Describe your request in at least 10 characters.',
  'details.long': 'The description is longer than 5,000 characters.',
  'details.control': 'The description contains invisible characters that are not allowed.',
  'language.required': 'Choose the language of the answer.',
  'replyFormat.required': 'Choose the format of the answer.',
  'replyFormat.invalid': 'Choose an answer format from the list.',
  'capacity.required': 'Say in what capacity you make the request.',
  'acknowledged.required': 'Confirm that you have read how the information in this request is used.',
  'altcha.required': 'The anti-robot check did not complete. Try again.',
  'form.invalid': 'The form could not be read.',
  'name.encoding': 'The name contains an incomplete character (half an emoji, or a character that was badly copied): type it again.',
  'name.lines': 'The name must fit on one line.',
  'name.invalid': 'The name must contain at least one letter.',
  'details.encoding': 'The description contains an incomplete character (half an emoji, or a character that was badly copied): type it again.',
  'details.invalid': 'The description must contain at least one letter.',
  'details.lines': 'The description contains line breaks that are not allowed.',
};

export const messages = { fr: fieldsFr as Record<string, string>, en: fieldsEn as Record<string, string> };
export const messageFor = (code: string, lang: 'fr' | 'en') => messages[lang][code] ?? messages[lang]['form.invalid']!;

const problemsFr = {
  origin: 'Cette demande ne vient pas d’un site autorisé à envoyer des demandes ici.',
  'too-large': 'Ce qui a été envoyé dépasse la taille permise (32 Ko). Raccourcissez la description, puis envoyez de nouveau.',
  'unsupported-media-type': 'Ce qui a été envoyé n’est pas un formulaire en UTF-8 (ni du JSON) : rien n’a été déposé.',
  malformed: 'Le formulaire n’a pas pu être lu : rien n’a été déposé. Revenez au formulaire et envoyez-le de nouveau.',
  'rate-limited':
    'Trop de demandes ont été envoyées depuis votre connexion ces dernières minutes. Réessayez dans {minutes} min. Vos réponses sont conservées dans le formulaire (bouton Précédent).',
  'idempotency-mismatch':
    'Cet envoi réutilise l’identifiant d’une autre demande déjà reçue, avec un contenu différent : rien n’a été déposé. Rechargez le formulaire, puis envoyez-le de nouveau.',
  'idempotency-owner': 'Cette demande a déjà été reçue, depuis une autre connexion. Par sécurité, son adresse de suivi n’est remise qu’à la connexion qui l’a envoyée.',
  busy: 'Le service est momentanément occupé : rien n’a été déposé. Réessayez dans quelques secondes.',
  unavailable: 'Le service ne peut pas enregistrer de demande pour le moment : rien n’a été déposé. Réessayez plus tard.',
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
  'rate-limited': 'Too many requests were sent from your connection in the last few minutes. Try again in {minutes} min. Your answers are kept in the form (Back button).',
  'idempotency-mismatch':
    'This submission reuses the identifier of another request already received, with different content: nothing was filed. Reload the form, then send it again.',
  'idempotency-owner': 'This request was already received, from another connection. For safety, its status address is given only to the connection that sent it.',
  busy: 'The service is busy for a moment: nothing was filed. Try again in a few seconds.',
  unavailable: 'The service cannot record requests right now: nothing was filed. Try again later.',
  full: 'The service cannot record requests right now (storage is full): nothing was filed. Try again later.',
  server: 'Something went wrong on our side: nothing was filed. Try again later.',
  'not-found': 'No request matches this reference and token.',
  'no-route': 'This address does not exist.',
  'receipt.invalid': 'This is not a consent receipt.',
};

export type Problem = keyof typeof problemsFr;
export const problems = { fr: problemsFr, en: problemsEn };

/** What a problem means in the person's language, with its placeholders filled in. */
export const problemText = (problem: Problem, lang: 'fr' | 'en', values?: Record<string, string | number>) => fill(problems[lang][problem], values);
