// What each validation code of a privacy request means, in French (the reference) and English: shown beside the field
// and in the error summary, by the form in the browser and by the function's pages alike.

const fieldsFr = {
  'holder.required': 'Indiquez qui détient les renseignements.',
  'holder.cbsa':
    'Les renseignements détenus par l’ASFC ne peuvent pas être demandés ici : adressez-vous à l’ASFC (voir ci-dessous).',
  'type.required': 'Choisissez le type de demande.',
  'name.required': 'Indiquez votre nom.',
  'name.long': 'Le nom dépasse 200 caractères.',
  'name.control': 'Le nom contient des caractères invisibles non permis.',
  'email.required': 'Indiquez votre adresse courriel.',
  'email.invalid': 'L’adresse courriel n’est pas valide (exemple : nom@exemple.ca).',
  'email.long': 'L’adresse courriel dépasse 254 caractères.',
  'phone.invalid': 'Le numéro de téléphone n’est pas valide (chiffres, espaces, +, -, parenthèses).',
  'phone.long': 'Le numéro de téléphone dépasse 40 caractères.',
  'fileNumber.invalid':
    'Le numéro de dossier ne peut contenir que des lettres, des chiffres, des espaces, « . », « / » et « - ».',
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
  'name.encoding':
    'Le nom contient un caractère incomplet (un demi-caractère d’emoji ou un caractère mal copié) : retapez-le.',
  'name.lines': 'Le nom doit tenir sur une seule ligne.',
  'name.invalid': 'Le nom doit contenir au moins une lettre.',
  'details.encoding':
    'La description contient un caractère incomplet (un demi-caractère d’emoji ou un caractère mal copié) : retapez-le.',
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
  'name.encoding':
    'The name contains an incomplete character (half an emoji, or a character that was badly copied): type it again.',
  'name.lines': 'The name must fit on one line.',
  'name.invalid': 'The name must contain at least one letter.',
  'details.encoding':
    'The description contains an incomplete character (half an emoji, or a character that was badly copied): type it again.',
  'details.invalid': 'The description must contain at least one letter.',
  'details.lines': 'The description contains line breaks that are not allowed.',
};

export const messages = { fr: fieldsFr as Record<string, string>, en: fieldsEn as Record<string, string> };
export const messageFor = (code: string, lang: 'fr' | 'en') => messages[lang][code] ?? messages[lang]['form.invalid']!;
