// Copy-ready replies to a requester, in the language of the request (not of the officer's screen): a starting point
// the officer reads and completes, one per state the request can be in. French is the reference.
import type { Status } from '../../shared/request.ts';

type Reply = Record<Status, string>;

const fr: Reply = {
  received:
    'Bonjour {name},\n\nNous avons bien reçu votre demande {reference} ({type}) le {received}. Nous y répondrons au plus tard le {due}, comme le prévoit l’article 32 de la Loi sur la protection des renseignements personnels dans le secteur privé.\n\nAvant de vous communiquer des renseignements, nous devons vérifier votre identité : [indiquez la pièce demandée et la façon de la présenter].\n\nCordialement,\n{officer}',
  'identity-verified':
    'Bonjour {name},\n\nNous avons vérifié votre identité pour la demande {reference} ({type}). Nous la traitons et vous répondrons au plus tard le {due}.\n\nCordialement,\n{officer}',
  'in-progress':
    'Bonjour {name},\n\nVotre demande {reference} ({type}) est en traitement. Vous recevrez notre réponse au plus tard le {due}.\n\nCordialement,\n{officer}',
  completed:
    'Bonjour {name},\n\nNous avons donné suite à votre demande {reference} ({type}) : [décrivez ce qui a été fait ou joignez les renseignements demandés].\n\nSi cette réponse ne vous satisfait pas, vous pouvez demander à la Commission d’accès à l’information du Québec d’examiner le désaccord dans les 30 jours (www.cai.gouv.qc.ca).\n\nCordialement,\n{officer}',
  refused:
    'Bonjour {name},\n\nNous ne pouvons pas donner suite à votre demande {reference} ({type}), pour le motif suivant : [indiquez le motif et la disposition de la loi sur laquelle il repose].\n\nVous pouvez demander à la Commission d’accès à l’information du Québec d’examiner cette décision dans les 30 jours qui suivent (www.cai.gouv.qc.ca).\n\nCordialement,\n{officer}',
  withdrawn:
    'Bonjour {name},\n\nNous prenons acte du retrait de votre demande {reference} ({type}). Vous pouvez en présenter une nouvelle en tout temps.\n\nCordialement,\n{officer}',
};

const en: Reply = {
  received:
    'Hello {name},\n\nWe received your request {reference} ({type}) on {received}. We will answer it no later than {due}, as section 32 of the Act respecting the protection of personal information in the private sector requires.\n\nBefore we disclose any information, we must verify your identity: [state the document required and how to present it].\n\nSincerely,\n{officer}',
  'identity-verified':
    'Hello {name},\n\nWe have verified your identity for request {reference} ({type}). We are processing it and will answer no later than {due}.\n\nSincerely,\n{officer}',
  'in-progress':
    'Hello {name},\n\nYour request {reference} ({type}) is being processed. You will receive our answer no later than {due}.\n\nSincerely,\n{officer}',
  completed:
    'Hello {name},\n\nWe have acted on your request {reference} ({type}): [describe what was done or attach the information requested].\n\nIf this answer does not satisfy you, you may ask Quebec’s Commission d’accès à l’information to examine the disagreement within 30 days (www.cai.gouv.qc.ca).\n\nSincerely,\n{officer}',
  refused:
    'Hello {name},\n\nWe cannot act on your request {reference} ({type}), for the following reason: [state the reason and the provision of the Act it rests on].\n\nYou may ask Quebec’s Commission d’accès à l’information to review this decision within 30 days (www.cai.gouv.qc.ca).\n\nSincerely,\n{officer}',
  withdrawn:
    'Hello {name},\n\nWe note that you have withdrawn your request {reference} ({type}). You may make a new one at any time.\n\nSincerely,\n{officer}',
};

export const replies: Record<'fr' | 'en', Reply> = { fr, en };
