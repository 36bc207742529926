/**
 * The ribbon's function file. Carnet's only ribbon button opens the task pane (ShowTaskpane), which
 * needs no code; the page must still exist and initialise Office for the manifest to be valid.
 */
Office.onReady(() => {
  // Nothing to register yet: every Carnet action lives in the task pane.
});
