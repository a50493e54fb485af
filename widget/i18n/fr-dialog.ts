// The preferences dialog's French strings, the reference for en-dialog.ts: they load with the dialog, not the banner.
export const frDialog = {
  'action.save': 'Enregistrer mes choix',
  'action.close': 'Fermer',
  'action.receipt': 'Télécharger mon reçu de consentement',
  'dialog.title': 'Préférences de témoins',
  'dialog.intro': 'Choisissez les catégories que vous acceptez. Rien n’est activé sans votre accord.',
  'dialog.alwaysOn': 'Toujours actifs',
  'dialog.services': 'Services et témoins',
  'dialog.current': 'Votre choix du {date} (politique {policy}).',
  'table.service': 'Service',
  'table.purpose': 'Finalité',
  'table.cookie': 'Témoin',
  'table.lifetime': 'Durée',
  'table.party': 'Origine',
  'table.days': '{days} jours',
  'party.first': 'Premier niveau',
  'party.third': 'Tiers',
} as const;

export type DialogKey = keyof typeof frDialog;
