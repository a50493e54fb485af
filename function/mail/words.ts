// The words of the messages the portal sends, in French (the reference) and English (same keys, typed). Subjects
// carry a reference and a state at most: never a name, an address or what the request says.
import type { Status } from '../../shared/request.ts';

const fr = {
  hello: 'Bonjour,',
  signature: '— {organisation}, protection des renseignements personnels',
  automatic: 'Ce message est envoyé automatiquement ; pour toute question, répondez à la personne responsable.',
  'filed.subject': 'Votre demande {reference} a été reçue',
  'filed.intro': 'Nous avons reçu votre demande ({type}) le {received}. Sa référence est {reference}.',
  'filed.due':
    'Réponse due au plus tard le {due} : la loi nous donne 30 jours (art. 32 de la Loi sur la protection des renseignements personnels dans le secteur privé).',
  'filed.status': 'Suivre l’état de votre demande :',
  'filed.keep': 'Gardez ce lien : il est le seul moyen de suivre votre demande.',
  'filed.confirm': 'Confirmez votre adresse courriel (lien valable 7 jours, une seule fois) :',
  'filed.confirmWhy':
    'Cette confirmation aide à vérifier votre identité. Votre demande compte dès sa réception, que l’adresse soit confirmée ou non.',
  'filed.next':
    'La suite : la personne responsable de la protection des renseignements personnels vérifie votre identité, puis traite votre demande. Vous recevez un courriel à chaque étape.',
  'filed.notYou': 'Si vous n’avez pas fait cette demande, ignorez ce message : rien ne se fera sans vérification.',
  'status.subject': 'Votre demande {reference} : {status}',
  'status.intro': 'Votre demande {reference} ({type}) est maintenant : {status}.',
  'status.identity-verified': 'Votre identité a été vérifiée ; le traitement de votre demande suit.',
  'status.in-progress': 'Votre demande est en traitement.',
  'status.completed':
    'Nous avons donné suite à votre demande ; la personne responsable vous transmet la réponse. Si elle ne vous satisfait pas, vous pouvez demander à la Commission d’accès à l’information du Québec d’examiner le désaccord dans les 30 jours (www.cai.gouv.qc.ca).',
  'status.refused':
    'Nous ne pouvons pas donner suite à votre demande ; la personne responsable vous en donne les motifs. Vous pouvez demander à la Commission d’accès à l’information du Québec d’examiner cette décision dans les 30 jours (www.cai.gouv.qc.ca).',
  'status.withdrawn': 'Votre demande a été retirée : aucune autre suite n’y sera donnée.',
  'status.due': 'Réponse due au plus tard le {due}.',
  'status.follow': 'L’état de votre demande se consulte toujours avec le lien reçu lors du dépôt.',
  'officer.subject': 'Nouvelle demande {reference}',
  'officer.intro': 'Une nouvelle demande a été déposée sur le portail.',
  'officer.reference': 'Référence',
  'officer.type': 'Type',
  'officer.received': 'Reçue le',
  'officer.due': 'Réponse due au plus tard le',
  'officer.open': 'L’ouvrir dans l’espace de la personne responsable :',
  'officer.none': 'Ce message ne contient aucun renseignement personnel : ils restent chiffrés jusqu’à l’ouverture.',
  'digest.subject': 'Échéances : {overdue} en retard, {soon} dans les 7 jours',
  'digest.intro': 'Les demandes ouvertes dont l’échéance est passée ou tombe dans les 7 prochains jours :',
  'digest.overdue': 'En retard',
  'digest.soon': 'Dans les 7 jours',
  'digest.row': '{reference} — {type} — réponse due le {due}',
  'digest.chain':
    'Empreinte du journal d’audit, à garder : {head}. Si elle ne correspond plus un jour à celle que le portail ' +
    'affiche pour la même entrée, le journal a été réécrit.',
};

const en: Record<keyof typeof fr, string> = {
  hello: 'Hello,',
  signature: '— {organisation}, privacy',
  automatic: 'This message is sent automatically; for any question, write to the privacy officer.',
  'filed.subject': 'Your request {reference} has been received',
  'filed.intro': 'We received your request ({type}) on {received}. Its reference is {reference}.',
  'filed.due':
    'Answer due no later than {due}: the law gives us 30 days (s. 32 of the Act respecting the protection of personal information in the private sector).',
  'filed.status': 'Follow the status of your request:',
  'filed.keep': 'Keep this link: it is the only way to follow your request.',
  'filed.confirm': 'Confirm your e-mail address (link valid for 7 days, once):',
  'filed.confirmWhy':
    'This confirmation helps verify your identity. Your request counts from the moment it was received, confirmed or not.',
  'filed.next':
    'What happens next: the privacy officer verifies your identity, then handles your request. You get an e-mail at each step.',
  'filed.notYou': 'If you did not make this request, ignore this message: nothing happens without verification.',
  'status.subject': 'Your request {reference}: {status}',
  'status.intro': 'Your request {reference} ({type}) is now: {status}.',
  'status.identity-verified': 'Your identity has been verified; your request is handled next.',
  'status.in-progress': 'Your request is being handled.',
  'status.completed':
    'We have acted on your request; the privacy officer sends you the answer. If it does not satisfy you, you may ask Quebec’s Commission d’accès à l’information to examine the disagreement within 30 days (www.cai.gouv.qc.ca).',
  'status.refused':
    'We cannot act on your request; the privacy officer gives you the reasons. You may ask Quebec’s Commission d’accès à l’information to review this decision within 30 days (www.cai.gouv.qc.ca).',
  'status.withdrawn': 'Your request has been withdrawn: nothing more will be done with it.',
  'status.due': 'Answer due no later than {due}.',
  'status.follow': 'The status of your request can always be seen with the link you received when you filed it.',
  'officer.subject': 'New request {reference}',
  'officer.intro': 'A new request was filed on the portal.',
  'officer.reference': 'Reference',
  'officer.type': 'Type',
  'officer.received': 'Received on',
  'officer.due': 'Answer due no later than',
  'officer.open': 'Open it in the privacy officer’s space:',
  'officer.none': 'This message holds no personal information: it stays encrypted until the request is opened.',
  'digest.subject': 'Deadlines: {overdue} overdue, {soon} within 7 days',
  'digest.intro': 'Open requests whose deadline has passed or falls within the next 7 days:',
  'digest.overdue': 'Overdue',
  'digest.soon': 'Within 7 days',
  'digest.row': '{reference} — {type} — answer due {due}',
  'digest.chain':
    'Fingerprint of the audit log, to keep: {head}. If it ever differs from what the portal shows for the same ' +
    'entry, the log was rewritten.',
};

export const mailWords = { fr, en };
export type MailKey = keyof typeof fr;
/** The states a requester is told of: every change the officer makes. */
export type NotifiedStatus = Exclude<Status, 'received'>;
