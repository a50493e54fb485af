// A complete, valid privacy request, as the tests of the schema, the function and the form send it.
export const validRequest = {
  holder: 'citim',
  type: 'access',
  name: 'Nguyễn Thị Minh Khai',
  email: 'minh@example.org',
  relation: 'participant',
  details: 'Je veux une copie de mon dossier de participante.',
  language: 'fr',
  replyFormat: 'pdf',
  capacity: 'self-adult',
  acknowledged: true,
};
