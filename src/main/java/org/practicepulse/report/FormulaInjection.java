package org.practicepulse.report;

/**
 * The one rule both spreadsheet writers apply to text cells: text a spreadsheet would run as a
 * formula (or a DDE command) when the file is opened. CSV prefixes such text with a single quote;
 * XLSX writes it as a string cell with the quote-prefix style, so that editing the cell keeps it text.
 */
public final class FormulaInjection {

    private FormulaInjection() {
    }

    /** True when the text begins with =, +, -, @, a tab or a carriage return. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
