/**
 * The ribbon's function file. The only button is ShowTaskpane, which needs no code; the file is
 * still loaded by Office (FunctionFile in the manifest), so it only says it is ready.
 */
Office.onReady(() => undefined);
