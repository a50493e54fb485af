// The build's first step (`npm run build`): checks the cookie declaration and keeps its revision in
// content/cookies/revisions/ when it is new. A declaration that cannot be used stops the build in words, not a stack.
import { DeclarationError, keepRevision } from './content.ts';

try {
  const kept = keepRevision();
  if (kept) console.log(`cookie declaration: a new revision, kept in ${kept} (add it to the repository)`);
} catch (error) {
  if (!(error instanceof DeclarationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
