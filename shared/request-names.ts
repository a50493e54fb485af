// The short names of request types and statuses, in French (the reference) and English: the status page, the
// officer's inbox and its exports say them the same way.
import type { RequestType, Status } from './request.ts';

type Lang = 'fr' | 'en';

export const statusNames: Record<Lang, Record<Status, string>> = {
  fr: {
    received: 'Reçue',
    'identity-verified': 'Identité vérifiée',
    'in-progress': 'En traitement',
    completed: 'Terminée',
    refused: 'Refusée',
    withdrawn: 'Retirée',
  },
  en: {
    received: 'Received',
    'identity-verified': 'Identity verified',
    'in-progress': 'In progress',
    completed: 'Completed',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
  },
};
export const typeNames: Record<Lang, Record<RequestType, string>> = {
  fr: {
    access: 'Accès',
    rectification: 'Rectification',
    deletion: 'Suppression',
    withdrawal: 'Retrait du consentement',
    portability: 'Portabilité',
    deindexing: 'Désindexation',
    complaint: 'Plainte',
  },
  en: {
    access: 'Access',
    rectification: 'Rectification',
    deletion: 'Deletion',
    withdrawal: 'Withdrawal of consent',
    portability: 'Portability',
    deindexing: 'De-indexing',
    complaint: 'Complaint',
  },
};
