package io.flightdeck.shared.csv;

/**
 * Cells of a CSV file people open in a spreadsheet. Text that begins with =, +, -, @, a tab or a carriage return could
 * start a formula in Excel or LibreOffice (OWASP: CSV injection), so such a cell gets an apostrophe in front and is
 * shown as the text it is.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text as a cell that a spreadsheet shows as text; null and empty stay as they are. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
