// cytoscape-svg 0.4.0 ships no types: the extension itself (cy.svg() is typed in cytoscape-augment.d.ts).
declare module 'cytoscape-svg' {
  const extension: import('cytoscape').Ext;
  export default extension;
}
