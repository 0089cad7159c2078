export { flowTypeFromText } from './flow-node.js';
export { parseTutorial, TUTORIAL_FORMAT, tutorialImporter } from './importer.js';
