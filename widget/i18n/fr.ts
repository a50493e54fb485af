// The consent widget's French strings: the reference language, which en.ts follows key for key.
export const fr = {
  'banner.title': 'Vos choix de témoins',
  'banner.text':
    'Nous n’utilisons aucun témoin ni traceur non essentiel sans votre accord. Vous pouvez accepter, refuser ou choisir par catégorie, et changer d’avis à tout moment.',
  'banner.purposes':
    'Avec votre accord, nous et nos {count} partenaires ({partners}) utilisons des témoins et traceurs pour : {purposes}.',
  'banner.renew.policy':
    'Notre politique de confidentialité a changé depuis votre dernier choix (version {from} → {to}) : merci de choisir à nouveau.',
  'banner.renew.revision': 'Nos témoins ont changé depuis votre dernier choix : merci de choisir à nouveau.',
  'banner.renew.expired': 'Votre dernier choix date de plus de {days} jours : merci de le confirmer.',
  'banner.changes': 'Voir les changements',
  'banner.policy': 'Politique de confidentialité',
  'gpc.notice':
    'Votre navigateur envoie le signal Global Privacy Control : la publicité reste refusée, sauf si vous l’activez vous-même.',
  'action.acceptAll': 'Tout accepter',
  'action.refuseAll': 'Tout refuser',
  'action.customise': 'Personnaliser',
} as const;

export type WidgetKey = keyof typeof fr;
