// Run first by `npm test`, `npm run test:static` and `npm run grade`: a Node.js that vitest or the
// grader does not support gets one French message and exit code 2 instead of their own failure.
// Plain old JavaScript on purpose (var, no arrow functions, CommonJS): any Node.js must parse it.
'use strict';

// package.json's `engines.node`: vitest's own range (Node.js 22.12+, 24, 26 and later; odd lines are short-lived).
var ENGINES = '^22.12.0 || ^24.0.0 || >=26.0.0';

function isSupported(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  return (major === 22 && minor >= 12) || major === 24 || major >= 26;
}

function message(version) {
  return 'Node.js ' + version + ' ne convient pas pour lancer le correcteur : il faut Node.js 24 (conseillé), 22.12 ou plus récent en 22, ou 26 et plus.\n' +
    'Installez la version LTS depuis https://nodejs.org/fr/download (ou avec nvm : nvm install --lts), ouvrez un nouveau terminal, ' +
    'vérifiez avec « node --version », puis relancez la commande.\n';
}

module.exports = { ENGINES: ENGINES, isSupported: isSupported, message: message };

if (require.main === module && !isSupported(process.versions.node)) {
  process.stderr.write(message(process.versions.node));
  process.exit(2);
}
