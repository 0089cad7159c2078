/**
 * Names compared the way Genesys compares object names: surrounding spaces ignored, case-insensitive
 * (Architect refuses "Main Menu" next to "main menu " in one type).
 */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase();
}
