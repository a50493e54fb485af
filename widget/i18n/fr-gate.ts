// The French strings of a blocked embed's placeholder, the reference for en-gate.ts: they load only on pages with one.
export const frGate = {
  'gate.text':
    'Ce contenu de {provider} dépose des témoins de la catégorie « {category} ». Il n’est chargé qu’avec votre accord.',
  'gate.load': 'Charger ce contenu',
  'gate.allow': 'Toujours autoriser : {category}',
  /** Read after each button's words, not shown: which embed the button is for. */
  'gate.which': ' (« {name} »)',
} as const;

export type GateKey = keyof typeof frGate;
